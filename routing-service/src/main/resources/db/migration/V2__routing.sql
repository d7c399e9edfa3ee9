-- Routing's state: the facts it decided on, the current decision per case, the steps of the closed loop, and which
-- directory edition it last announced. All of it is derived from the intake topic and routing's own events.

create table case_facts (
    case_id      varchar(64) primary key,
    municipality char(6)     not null,
    facts_json   text        not null   -- non-identifying facts only (CaseFacts)
);

create table case_routing (
    case_id             varchar(64) primary key,
    municipality        char(6)     not null,
    referring_agency_id varchar(64),
    decision            varchar(16) not null,   -- ROUTED / ESCALATED / OUTREACH (CONTRACT.md)
    state               varchar(16) not null,   -- AWAITING (an agency must accept) / ACCEPTED / ESCALATED
    agency_id           varchar(64),
    decision_json       text        not null,   -- fields, reasons, track, versions
    routed_on           date        not null,   -- business date of the current decision
    declined_by         text        not null default '',
    seq                 int         not null,   -- decisions made for the case so far
    updated_at          timestamptz not null default now()
);
create index case_routing_open on case_routing (municipality, state, agency_id);

create table routing_step (
    event_id      varchar(200) primary key,
    case_id       varchar(64)  not null,
    event_type    varchar(120) not null,
    agency_id     varchar(64),
    business_date date         not null,
    recorded_at   timestamptz  not null,
    detail        varchar(600)
);
create index routing_step_case on routing_step (case_id, recorded_at);

create table directory_state (
    municipality      char(6)      primary key,
    directory_version varchar(200) not null,
    checksum          char(64)     not null,
    published_at      timestamptz  not null default now()
);
