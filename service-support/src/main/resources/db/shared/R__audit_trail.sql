-- Every service's audit trail (service-support's AuditTrail), in the service's own schema: who read (or tried to
-- read) personal data or confidential material, and erasures. A trigger refuses every update, delete and truncate, so
-- not even the service itself can rewrite the trail. A repeatable migration (run after each service's own versions,
-- again when this file changes), hence written to be idempotent.
create table if not exists audit_entry (
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
create index if not exists audit_entry_by_time on audit_entry (municipality, at);
-- the person (the identity provider's preferred_username beside its sub) and the client (console, portal or an
-- agency's own system) behind each entry, not only the agency
alter table audit_entry add column if not exists username varchar(200);
alter table audit_entry add column if not exists client_id varchar(200);
-- what a read of many records returned (a coordinator's list with names: its filter and the case ids), never a
-- personal value
alter table audit_entry add column if not exists detail text;

create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
drop trigger if exists audit_entry_append_only on audit_entry;
create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_append_only();
