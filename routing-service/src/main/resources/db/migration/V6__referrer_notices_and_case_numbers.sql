-- The referring agency is told what became of its referral (Notices.toReferrer): a decline's reason (the declining
-- agency's words; written over when the person is erased) and the agency the case went to, named as the directory
-- named it when the notice was made.
alter table notice add column reason varchar(300);
alter table notice add column to_agency_id varchar(64);
alter table notice add column to_agency_name varchar(200);

-- The 受付番号 intake gave the case (ReferralReceived.caseNumber, e.g. R8-000123), shown wherever routing names the case;
-- null for referrals received before case numbers were given.
alter table case_facts add column case_number varchar(40);
alter table notice add column case_number varchar(40);
