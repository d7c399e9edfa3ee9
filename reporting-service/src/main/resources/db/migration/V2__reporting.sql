-- Projections of the stage topics for figures and case histories. Any of them can be dropped and rebuilt from the
-- log with the same result; none holds a personal field.

-- Every event about a case, from every stage: the case history.
create table case_event (
    event_id      varchar(200) primary key,
    case_id       varchar(64)  not null,
    municipality  char(6)      not null,
    event_type    varchar(120) not null,
    source        varchar(120) not null,
    business_date date         not null,
    recorded_at   timestamptz  not null,
    causation_id  varchar(200),
    summary       varchar(300)
);
create index case_event_by_case on case_event (case_id, recorded_at);

-- Meetings held (minutes recorded), by the business date of the minutes.
create table meeting_held (
    meeting_id   varchar(120) primary key,
    municipality char(6)      not null,
    type         varchar(32)  not null,
    held_on      date         not null
);

-- Each case reviewed in a meeting's minutes (延べ).
create table case_review (
    meeting_id   varchar(120) not null,
    case_id      varchar(64)  not null,
    municipality char(6)      not null,
    meeting_type varchar(32)  not null,
    held_on      date         not null,
    outcome      varchar(16)  not null,
    primary key (meeting_id, case_id)
);

-- Every plan change: made (作成), revised (再プラン) or closed (終結), by its business date.
create table plan_change (
    event_id      varchar(200) primary key,
    plan_id       varchar(80)  not null,
    municipality  char(6)      not null,
    plan_type     varchar(16)  not null,
    kind          varchar(8)   not null,   -- CREATED / REVISED / CLOSED
    business_date date         not null
);
create index plan_change_by_city on plan_change (municipality, business_date);
