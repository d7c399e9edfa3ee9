-- A case a coordinator joined to another as a duplicate of the same person (duplicate-confirmed): the case it joined.
-- The figures leave such a case out (one person, one 相談); its history stays.
alter table case_fact add column duplicate_of varchar(64);
