-- Households (世帯, issue 30). Each case's row of facts knows the household it is in now (household-linked sets it,
-- household-unlinked from that household clears it; null when none), folded like its other facts (CaseFactRow), so
-- the figures count households (支援世帯数 …) from the same rows live and in a replay. Cases linked before this
-- version: none (intake wrote no household event before it).
alter table case_fact add column household_id varchar(80);
-- A household's plan is one plan (one plan_id) with one plan-created, plan-revised, plan-closed per member case: the
-- year table counts plans by plan_id, and a re-plan by its version, so that the members' copies count once. Rows
-- from before this version have no version (each was a plan of one case and counts as it did).
alter table plan_change add column version int;
