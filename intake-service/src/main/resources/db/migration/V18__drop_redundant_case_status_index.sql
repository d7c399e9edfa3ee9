-- Issue 32: every write of a case's status maintained this index too, and no query needs it: each other index of
-- case_status but the caseload's begins with municipality, and the planner finds a city's cases through those.
drop index if exists case_status_municipality;
