-- 受付番号 (CaseNumber): one running number per municipality and fiscal year, taken in the transaction that claims the
-- referral's Idempotency-Key, so a repeated request never takes a second one. A referral whose Kafka write fails
-- rolls its number back with everything else; one that fails after another request took the next number leaves a
-- gap: numbers are unique, not gapless.
create table case_number_counter (
    municipality  char(6)  not null,
    fiscal_year   int      not null,
    last_value    bigint   not null,
    primary key (municipality, fiscal_year)
);

-- The number as the referral event carries it (null for referrals received before numbers were given).
alter table case_status add column case_number varchar(20);
create index case_status_by_number on case_status (municipality, case_number);
