-- One row of facts per case for the referral, routing and timing figures, and each routing outcome by agency.
-- Like every reporting table: rebuilt from the log by a replay, no personal field.

create table case_fact (
    case_id          varchar(64) primary key,
    municipality     char(6)     not null,
    received_on      date,                 -- ReferralReceived.receivedOn
    channel          varchar(24),
    concerns         varchar(600),         -- codes, comma-separated
    referring_agency varchar(80),
    urgency          varchar(16),
    routed_on        date,                 -- business date of the first routing decision
    decision         varchar(16),          -- ROUTED / ESCALATED / OUTREACH (the first decision)
    routed_agency    varchar(80),
    fields           varchar(100),         -- the first decision's fields (分野), comma-separated
    first_meeting_on date,                 -- the first meeting that reviewed the case
    first_plan_on    date,                 -- the first plan made for the case
    stage            varchar(16),          -- CaseStatus of the latest event that moves it
    stage_at         timestamptz
);
create index case_fact_by_city on case_fact (municipality, received_on);

create table routing_outcome (
    event_id      varchar(200) primary key,
    case_id       varchar(64)  not null,
    municipality  char(6)      not null,
    agency_id     varchar(80),             -- null for an escalation to 多機関協働事業
    outcome       varchar(16)  not null,   -- ROUTED / ESCALATED / OUTREACH / ACCEPTED / DECLINED / OVERDUE
    business_date date         not null
);
create index routing_outcome_by_city on routing_outcome (municipality, business_date);

alter table plan_change add column case_id varchar(64);
create index plan_change_by_case on plan_change (case_id);
