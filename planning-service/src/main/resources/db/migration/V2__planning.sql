-- Plans (作成・再プラン・終結), what planning knows of cases and meeting reviews, and 参加支援's placements.
-- Wishes, goals and notes stay here: no event carries them.

create table case_ref (
    case_id             varchar(64) primary key,
    municipality        char(6)     not null,
    referring_agency_id varchar(64),
    area                varchar(100),
    consent             varchar(16) not null
);

create table meeting_review (
    meeting_id   varchar(120) not null,
    case_id      varchar(64)  not null,
    meeting_type varchar(32)  not null,
    outcome      varchar(16)  not null,
    plan_type    varchar(16),
    held_on      date         not null,
    primary key (meeting_id, case_id)
);

create table plan (
    plan_id            varchar(80) primary key,
    case_id            varchar(64) not null,
    municipality       char(6)     not null,
    type               varchar(16) not null,
    adopted_at_meeting varchar(120),
    created_by_agency  varchar(64),
    closed_on          date,
    close_reason       varchar(300)
);
create index plan_by_case on plan (case_id);
create index plan_by_municipality on plan (municipality, closed_on);

create table plan_version (
    plan_id         varchar(80) not null,
    version         int         not null,
    made_on         date        not null,
    reason          varchar(300),
    wish            varchar(500),
    wish_tags       text        not null default '',
    goals_json      text        not null,
    roles_json      text        not null,
    review_on       date,
    idem_key        varchar(300),
    primary key (plan_id, version)
);

create table placement (
    placement_id varchar(80) primary key,
    plan_id      varchar(80) not null,
    case_id      varchar(64) not null,
    municipality char(6)     not null,
    resource_id  varchar(80) not null,
    placed_on    date        not null
);
create index placement_by_resource on placement (municipality, resource_id);

create table follow_up (
    follow_up_id varchar(80) primary key,
    placement_id varchar(80) not null,
    side         varchar(8)  not null,
    on_date      date        not null,
    note         varchar(1000)
);
