-- case_fact keeps the whole state of contract's CaseStage, the one fold of a case's status that intake runs too, so a
-- batch reads a case's row back, folds its events on and stores what the fold gives: stage is its status as seen,
-- stage_at its latest event's time, duplicate_of the case it joined; and now the latest event's own status, when the
-- status as seen last moved, and the plans open and closed. The figures read stage and nothing decides it in SQL.
alter table case_fact add column latest_stage varchar(16);
alter table case_fact add column status_time timestamptz;
alter table case_fact add column open_plans text not null default '';
alter table case_fact add column closed_plans text not null default '';
-- Rows from before this version: stage was the latest event's status (or CLOSED when joined), seen with the plans
-- still open at read time; it is now stored as seen.
update case_fact f
   set latest_stage = f.stage, status_time = f.stage_at,
       open_plans = coalesce((select string_agg(distinct c.plan_id, ',') from plan_change c
                               where c.case_id = f.case_id and c.kind = 'CREATED' and not exists (
                                     select 1 from plan_change d where d.plan_id = c.plan_id and d.kind = 'CLOSED')), ''),
       closed_plans = coalesce((select string_agg(distinct d.plan_id, ',') from plan_change d
                                 where d.case_id = f.case_id and d.kind = 'CLOSED'), '');
update case_fact set stage = 'PLAN_ACTIVE' where stage = 'CLOSED' and open_plans <> '' and duplicate_of is null;
