-- The cases whose person was erased (person-erased, service-support's ErasedCases), in each service's own schema: a
-- write of free text about such a case is refused (410), since nothing could erase it again. A repeatable migration,
-- hence idempotent.
create table if not exists erased_case (
    case_id   varchar(64) primary key,
    erased_at timestamptz not null default now()
);
