-- Households (issue 30): kana + age matches within a year (search/HouseholdMatch). Each side's age is taken on its own
-- referral day, so a birthday between two referrals makes the same person a year older on one of them. The keys of
-- kana with each age the row's age may match (age-1, age, age+1) are kept beside the exact one; the other side's
-- exact key is looked up among them. Rows written before this have none and are re-keyed at start-up
-- (HouseholdIndex.VERSION, search/PersonReindex).
alter table household_index add column kana_age_near text[];
create index household_index_age_near on household_index using gin (kana_age_near);
