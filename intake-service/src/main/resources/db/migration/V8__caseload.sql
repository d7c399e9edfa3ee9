-- The caseload (GET /caseload): the agencies given a role in one of the case's plans, and the agencies in whose
-- caseload the case is, as CaseProgress.caseload() says (the responsible agency and the plan roles' agencies), kept
-- so that a list selects them without a second copy of the rule in SQL.
alter table case_status add column plan_roles text not null default '';
alter table case_status add column caseload text not null default '';
-- Rows from before this version: the responsible agency now; the agencies with a plan role after the case's next
-- event (their plans were only kept among the entrusted agencies, with the one that accepted the case).
update case_status set caseload = assigned_agency_id where assigned_agency_id is not null;
create index case_status_by_caseload on case_status using gin ((string_to_array(caseload, ',')));
