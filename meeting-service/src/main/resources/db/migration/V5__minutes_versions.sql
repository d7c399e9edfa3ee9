-- Minutes corrected by amendments (議事録の訂正), every version kept. A PLAN or REPLAN review may carry the plan's terms:
-- the person's wish and the goals (confidential like the note) and the review date.
alter table review add column wish text;
alter table review add column goals_json text not null default '[]';
alter table review add column review_on date;
alter table meeting add column minutes_version int not null default 1;

-- The meeting-level record of each version: version 1 is the recording, each amendment the next with its reason.
create table minutes_version (
    meeting_id  varchar(120) not null,
    version     int          not null,
    recorded_at timestamptz  not null default now(),
    recorded_by varchar(200),
    reason      varchar(300),                  -- null for the recording
    held_on     date         not null,
    attendees   text         not null,
    start_time  time,
    end_time    time,
    place       varchar(100),
    chair       varchar(100),
    notes       text,
    amended_cases text       not null default '',  -- case ids whose review the version changed (comma-separated)
    primary key (meeting_id, version)
);

-- Each review as it stood from the version that wrote it until the next one that changed it.
create table review_version (
    meeting_id    varchar(120) not null,
    case_id       varchar(64)  not null,
    version       int          not null,
    outcome       varchar(16)  not null,
    plan_type     varchar(16),
    roles_json    text         not null,
    note          text,
    wish          text,
    goals_json    text         not null default '[]',
    review_on     date,
    primary key (meeting_id, case_id, version)
);

-- Minutes recorded before this version become their version 1.
insert into minutes_version(meeting_id, version, recorded_at, held_on, attendees, start_time, end_time, place, chair,
                            notes)
select meeting_id, 1, created_at, held_on, coalesce(attendees, ''), start_time, end_time, place, chair, notes
  from meeting where held_on is not null;
insert into review_version(meeting_id, case_id, version, outcome, plan_type, roles_json, note)
select meeting_id, case_id, 1, outcome, plan_type, roles_json, note from review;
