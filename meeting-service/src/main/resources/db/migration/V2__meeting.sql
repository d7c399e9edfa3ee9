-- Meetings of 多機関協働事業, the queue of escalated cases, minutes, and the audit trail of reads of meeting material.

create table meeting (
    meeting_id   varchar(120) primary key,
    municipality char(6)      not null,
    type         varchar(32)  not null,
    scheduled_on date         not null,
    ad_hoc       boolean      not null,
    members      text         not null default '',   -- agency ids invited (comma-separated)
    held_on      date,                                -- set by the minutes
    attendees    text,
    created_at   timestamptz  not null default now()
);
create index meeting_by_date on meeting (municipality, scheduled_on);

-- Each case's place in coordination: its consent, its track (the meeting type it waits for) and the meeting.
create table case_track (
    case_id      varchar(64) primary key,
    municipality char(6)     not null,
    consent      varchar(16) not null,
    track        varchar(32),
    meeting_id   varchar(120),
    queued       boolean     not null default false,
    urgent       boolean     not null default false,
    queued_on    date
);
create index case_track_queue on case_track (municipality, track, queued, meeting_id);

create table review (
    meeting_id    varchar(120) not null,
    case_id       varchar(64)  not null,
    outcome       varchar(16)  not null,
    plan_type     varchar(16),
    roles_json    text         not null,
    note          text,          -- confidential: served only to coordinators and the meeting's members
    ad_hoc        boolean      not null,
    ad_hoc_reason varchar(300),
    primary key (meeting_id, case_id)
);

-- Append-only: who read (or tried to read) meeting material, when, and what.
create table audit_entry (
    id           bigserial    primary key,
    at           timestamptz  not null default now(),
    municipality char(6)      not null,
    subject      varchar(200),
    roles        varchar(200),
    agency_id    varchar(64),
    action       varchar(60)  not null,
    resource     varchar(200) not null,
    outcome      varchar(16)  not null
);
create index audit_entry_by_time on audit_entry (municipality, at);
