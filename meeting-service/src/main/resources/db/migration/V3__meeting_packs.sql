-- What a meeting needs of each case on its agenda (the meeting pack): the referral's non-identifying facts and the
-- reasons the case was escalated (CasePack). Cases referred before this version show what their later events bring.
create table case_pack (
    case_id             varchar(64)  primary key,
    municipality        char(6)      not null,
    referring_agency_id varchar(64),
    received_on         date,
    age_band            varchar(20),
    area                varchar(100),
    concerns            text         not null default '',
    household_json      text         not null default '[]',
    reasons_json        text         not null default '[]'
);
create index review_by_case on review (case_id);
