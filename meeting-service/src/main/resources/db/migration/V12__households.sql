-- Households (世帯, intake's household-linked/unlinked): which cases are discussed together. Only ids, the 受付番号
-- and the day of linking: nothing personal.
create table household_member (
    case_id      varchar(64)  primary key,      -- a case is in one household at a time
    household_id varchar(120) not null,
    municipality char(6)      not null,
    case_number  varchar(40),
    linked_on    date
);
create index household_member_by_household on household_member (household_id);

-- A case a coordinator put on a meeting's agenda as part of its household's item (PUT /households/{id}/agenda); a
-- case moved elsewhere keeps its row but no longer matches the meeting it is on.
create table agenda_household (
    case_id      varchar(64)  primary key,
    meeting_id   varchar(120) not null,
    household_id varchar(120) not null
);

-- The household a review was discussed with (case-reviewed.householdId); null: on its own.
alter table review add column household_id varchar(120);

-- The minutes' note per household item (confidential like the minutes' notes), kept with the version that wrote it,
-- and the household's label as it was then (世帯（R8-000001・R8-000007）).
create table minutes_household (
    meeting_id   varchar(120) not null,
    version      int          not null,
    household_id varchar(120) not null,
    label        varchar(400) not null,
    note         text,
    primary key (meeting_id, version, household_id)
);
