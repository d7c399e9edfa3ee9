-- The coordinators' case list (GET /cases): what CaseListing keeps beside the status, one column per filter.
-- Rows from before this version fill in with their cases' next events.
alter table case_status add column area varchar(100);
alter table case_status add column age_band varchar(20);
alter table case_status add column concerns text not null default '';
alter table case_status add column urgency varchar(16);
alter table case_status add column fields text not null default '';
alter table case_status add column track varchar(32);
alter table case_status add column due_on date;
alter table case_status add column late_from date;  -- CaseProgress.lateFrom: the awaited answer is late from then
alter table case_status add column possible_duplicate_of varchar(64);  -- an open case of the same person (search)
create index case_status_by_received on case_status (municipality, received_on, case_id);
create index case_status_by_change on case_status (municipality, status_time, case_id);
