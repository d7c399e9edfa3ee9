-- Households (世帯, issue 30). Intake owns them: which cases are linked (household, household_member: a row per
-- link, closed by an unlink whose reason stays here sealed with the case's data key), the blind index the "same
-- household?" suggestions are found by, the suggestions themselves and the coordinators' dismissals, and what the
-- household view needs to remember of the other stages (the meetings a case was reviewed at, the plans it is in).
create table household (
    household_id varchar(64)  primary key,
    municipality char(6)      not null,
    created_by   varchar(200),
    created_at   timestamptz  not null default now()
);

create table household_member (
    id             bigserial    primary key,
    household_id   varchar(64)  not null references household (household_id),
    case_id        varchar(64)  not null,
    linked_on      date         not null,
    linked_at      timestamptz  not null default now(),
    linked_by      varchar(200),
    unlinked_on    date,
    unlinked_at    timestamptz,
    unlinked_by    varchar(200),
    reason_sealed  text
);
-- a case is in one household at a time
create unique index household_member_current on household_member (case_id) where unlinked_at is null;
create index household_member_household on household_member (household_id);

-- Keyed HMACs (SearchKeys, the municipality's search key) of the persons and the named household members of each
-- referral: side PERSON (the case's person, with the normalised address) or MEMBER (a household member named in
-- it). kana+birth date, and kana+age on the day the referral was received; no plaintext. Erasure deletes a case's rows.
create table household_index (
    case_id        varchar(64) not null,
    side           varchar(8)  not null,
    member_no      int         not null,
    municipality   char(6)     not null,
    kana_birth_mac char(64),
    kana_age_mac   char(64),
    address_mac    char(64),
    index_version  int         not null,
    primary key (case_id, side, member_no)
);
create index household_index_birth on household_index (municipality, kana_birth_mac);
create index household_index_age on household_index (municipality, kana_age_mac);
create index household_index_address on household_index (municipality, address_mac);

-- "Same household?" as found when a referral was received: one row per direction and basis (MEMBER_IS_PERSON,
-- PERSON_IS_MEMBER, SAME_ADDRESS). A dismissal marks both directions; its reason is sealed with the case's data key.
create table household_suggestion (
    case_id          varchar(64)  not null,
    other_case_id    varchar(64)  not null,
    basis            varchar(32)  not null,
    municipality     char(6)      not null,
    suggested_at     timestamptz  not null default now(),
    dismissed_at     timestamptz,
    dismissed_by     varchar(200),
    dismissal_sealed text,
    primary key (case_id, other_case_id, basis)
);
create index household_suggestion_other on household_suggestion (other_case_id);

-- Folded by the status projection from the meeting and planning topics, for the household view.
create table case_meeting (
    case_id      varchar(64)  not null,
    meeting_id   varchar(200) not null,
    meeting_type varchar(32)  not null,
    held_on      date         not null,
    household_id varchar(64),
    primary key (case_id, meeting_id)
);

create table case_plan (
    case_id      varchar(64)  not null,
    plan_id      varchar(200) not null,
    household_id varchar(64),
    open         boolean      not null,
    primary key (case_id, plan_id)
);

-- The suggestions still offered (one place for the rule, read by GET /cases and the suggestions' GET): not
-- dismissed, the other case not closed, and the two not already in the same household.
create view open_household_suggestion as
select s.* from household_suggestion s join case_status o on o.case_id = s.other_case_id
 where s.dismissed_at is null and o.status <> 'CLOSED'
   and not exists (select 1 from household_member a join household_member b
                           on b.household_id = a.household_id and b.unlinked_at is null
                    where a.case_id = s.case_id and a.unlinked_at is null and b.case_id = s.other_case_id);
