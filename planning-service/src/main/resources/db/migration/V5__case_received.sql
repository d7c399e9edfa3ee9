-- The day each case was received, so that no plan, revision, closure, placement or follow-up is dated before it
-- (BusinessDate.refusal). Cases known before this version have none until their referral is read again: for them
-- only "not after today" is checked.
alter table case_ref add column received_on date;
