-- The rest of contract's CaseStage, the one fold of a case's status, so that a row read back folds on exactly as it
-- was left and the upsert stores the fold's result without deciding anything: the status of the latest event that
-- had one and its recorded time (the key of the ordering rule), and the plans closed (a late copy of a plan's
-- creation does not reopen it).
alter table case_status add column latest_status varchar(32);
alter table case_status add column latest_at timestamptz;
alter table case_status add column closed_plans text not null default '';
-- Rows from before this version: their status and its time were the latest event's, as seen.
update case_status set latest_status = status, latest_at = status_time;
