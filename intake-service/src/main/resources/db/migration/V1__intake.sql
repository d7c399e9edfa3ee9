-- intake-service owns schema "intake". Personal data is never stored here in plaintext: only the per-case data
-- keys (wrapped by the master key) that make the encrypted fields in the event log readable.

create table data_key (
    case_id        varchar(64) primary key,
    key_version    int          not null,
    master_key_id  varchar(64)  not null,
    wrapped_key    bytea        not null,   -- 12-byte nonce || AES-GCM(master, data key), AAD = case id
    created_at     timestamptz  not null default now()
);

-- Idempotency-Key records, scoped to the caller (municipality + agency, or the coordinator's subject).
create table idempotency_key (
    scope          varchar(200) not null,
    idem_key       varchar(255) not null,
    fingerprint    char(64)     not null,   -- SHA-256 of the canonical request body
    case_id        varchar(64)  not null,
    response_json  text,
    created_at     timestamptz  not null default now(),
    primary key (scope, idem_key)
);

-- The closed-loop status as the referrer sees it: a projection of every stage topic.
create table case_status (
    case_id              varchar(64) primary key,
    municipality         char(6)      not null,
    referring_agency_id  varchar(64),
    assigned_agency_id   varchar(64),
    status               varchar(32)  not null,
    status_time          timestamptz  not null,
    received_on          date,
    updated_at           timestamptz  not null default now()
);
create index case_status_municipality on case_status (municipality);

create table case_status_history (
    event_id       varchar(200) primary key,
    case_id        varchar(64)  not null,
    event_type     varchar(120) not null,
    status         varchar(32),
    agency_id      varchar(64),
    business_date  date         not null,
    recorded_at    timestamptz  not null,
    detail         varchar(500)
);
create index case_status_history_case on case_status_history (case_id, recorded_at);

-- Idempotent consumption: an event id applied once per consumer.
create table processed_event (
    consumer   varchar(100) not null,
    event_id   varchar(200) not null,
    applied_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
