-- The case this one was joined to as the same person's (duplicate-confirmed), as CaseProgress.joinedTo keeps it: a
-- joined case is closed for good, whatever its agency or a meeting does afterwards.
alter table case_status add column joined_to varchar(64);
-- Cases joined before this version: their confirmation in duplicate_decision.
update case_status s set joined_to = d.other_case_id
  from duplicate_decision d
 where d.case_id = s.case_id and d.decision = 'CONFIRM';
