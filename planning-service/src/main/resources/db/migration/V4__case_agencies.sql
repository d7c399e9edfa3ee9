-- The agencies a case was handed to (routing) or given a role for (a meeting's review): with the referrer, the
-- agencies that may write an outreach or participation plan for it.
create table case_agency (
    case_id   varchar(64) not null,
    agency_id varchar(64) not null,
    primary key (case_id, agency_id)
);
