-- The 受付番号 intake gave the case (ReferralReceived.caseNumber, e.g. R8-000123): the pack, the minutes and their
-- print name the case by it. Null for referrals received before case numbers were given (they are named by their id).
alter table case_pack add column case_number varchar(40);
