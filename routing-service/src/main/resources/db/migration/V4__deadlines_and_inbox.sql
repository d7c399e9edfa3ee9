-- Deadlines in business days (AcceptanceDeadlines): the day the current decision's agency must answer by. Cases
-- routed before this version keep the deadline they were given then: routed_on + 7 calendar days (the default of
-- tsunagu.routing.acceptance-days, counted in calendar days until now).
alter table case_routing add column due_on date;
update case_routing set due_on = routed_on + 7 where decision <> 'ESCALATED';
create index case_routing_due on case_routing (state, due_on);

-- Each agency's inbox: one row per case routed to the agency, kept as the case's routing moves (RoutingChanges.inbox).
-- item_seq orders items as they arrived, so pages read by it never skip or repeat an item while new ones arrive.
create table inbox_item (
    item_seq       bigserial    primary key,
    municipality   char(6)      not null,
    agency_id      varchar(64)  not null,
    case_id        varchar(64)  not null,
    state          varchar(16)  not null,   -- AWAITING / ACCEPTED / DECLINED / EXPIRED (not answered by due_on)
    decision       varchar(16)  not null,   -- ROUTED / OUTREACH
    routed_on      date         not null,
    due_on         date,
    answered_on    date,
    decline_reason varchar(300),            -- the agency's own words; the referrer sees them in its status
    reasons_json   text         not null,   -- why routing chose the agency
    unique (agency_id, case_id)
);
create index inbox_item_newest on inbox_item (municipality, agency_id, state, item_seq);
create index inbox_item_due on inbox_item (municipality, agency_id, state, due_on, item_seq);

-- Every routing so far enters the inbox of the agency that holds it now (earlier agencies' declines stay in the
-- case's steps).
insert into inbox_item (municipality, agency_id, case_id, state, decision, routed_on, due_on, reasons_json)
select municipality, agency_id, case_id, state, decision, routed_on, due_on,
       coalesce((decision_json::jsonb -> 'reasons')::text, '[]') from case_routing
 where agency_id is not null and state in ('AWAITING', 'ACCEPTED')
 order by routed_on, case_id;
