-- reporting-service owns schema "reporting".

-- Idempotent consumption: an event id applied once per consumer.
create table processed_event (
    consumer   varchar(100) not null,
    event_id   varchar(200) not null,
    applied_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
