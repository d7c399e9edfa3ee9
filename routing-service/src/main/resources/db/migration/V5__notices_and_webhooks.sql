-- What Tsunagu tells each agency (Notices), in the order it was decided: the agency's inbox feed reads it, and each
-- notice is queued for every webhook subscription of the agency that wants its type, in the same transaction.
create table notice (
    seq          bigserial    primary key,
    notice_id    varchar(300) not null unique,   -- stable per cause: a redelivered event adds nothing
    municipality char(6)      not null,
    agency_id    varchar(64)  not null,
    type         varchar(40)  not null,          -- NoticeType code
    case_id      varchar(64),
    business_date date        not null,
    due_on       date,
    reference    varchar(64),                    -- the plan or meeting
    urgent       boolean      not null default false,
    created_at   timestamptz  not null default now()
);
create index notice_by_agency on notice (municipality, agency_id, seq);

-- The agencies with a role in each plan (from plan-created), so a plan's review reaches them.
create table plan_role (
    plan_id   varchar(64) not null,
    agency_id varchar(64) not null,
    primary key (plan_id, agency_id)
);

create table webhook_subscription (
    id                   varchar(40)   primary key,
    municipality         char(6)       not null,
    agency_id            varchar(64)   not null,
    url                  varchar(2000) not null,
    event_types          text          not null,   -- NoticeType codes, comma-separated; '' = all
    secret               varchar(100)  not null,   -- whsec_…: the receiver verifies signatures with it
    state                varchar(16)   not null,   -- ACTIVE / DISABLED
    disabled_reason      varchar(400),
    consecutive_failures int           not null default 0,
    created_at           timestamptz   not null default now(),
    deleted_at           timestamptz
);
create index webhook_subscription_agency on webhook_subscription (municipality, agency_id);

-- A notice to send to a subscription: retried with back-off until delivered or its retry window ends.
create table webhook_delivery (
    id              bigserial    primary key,
    subscription_id varchar(40)  not null references webhook_subscription (id),
    notice_seq      bigint       not null references notice (seq),
    state           varchar(16)  not null,   -- PENDING / DELIVERED / FAILED (gave up)
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null default now(),
    delivered_at    timestamptz,
    unique (subscription_id, notice_seq)
);
create index webhook_delivery_due on webhook_delivery (state, next_attempt_at);

create table webhook_attempt (
    delivery_id bigint       not null references webhook_delivery (id),
    attempt     int          not null,
    at          timestamptz  not null,
    status_code int,                        -- the receiver's HTTP status; null when none came
    error       varchar(300),               -- why it failed (timeout, connection refused, HTTP 500, …)
    duration_ms int          not null,
    primary key (delivery_id, attempt)
);
