-- Who may read the person's details (CaseProgress.sharesPersonWith): the consent as last recorded, and the agencies
-- the case was entrusted to (accepted it, or hold a role in one of its plans). Rows from before this version have
-- neither until their next event: only the referrer and coordinators may read those persons, the safe side.
alter table case_status add column consent varchar(16);
alter table case_status add column entrusted text not null default '';
create index case_status_by_referrer on case_status (municipality, referring_agency_id, received_on, case_id);

-- What only the referrer (and coordinators) read beside a history line: a declining agency's reason.
alter table case_status_history add column referrer_note varchar(300);

-- The person's fields as sealed in the referral event (encrypted with the case's data key; erasure destroys the key
-- and this row), and the household's non-identifying shape, so that an entitled agency can read them without a
-- scan of the log. Referrals recorded before this version are readable once their referral event is read again.
create table person_record (
    case_id        varchar(64) primary key,
    sealed_json    text        not null,
    household_json text        not null
);
