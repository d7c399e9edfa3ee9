-- 台帳取込 (issue 31): the audit of every import of a city's caseload sheet (POST /imports), check or import, and
-- which rows of which lists are in already. No cell value is kept here: the report that quotes cells lives in the
-- service's memory only (values may be personal). The file's name is what the coordinator called it.
create table import_job (
    id                 varchar(64)  primary key,
    municipality       char(6)      not null,
    file_name          varchar(300),
    file_sha256        char(64)     not null,
    format             varchar(8),
    charset            varchar(16),
    mode               varchar(8)   not null,
    skip_bad_rows      boolean      not null,
    state              varchar(16)  not null,
    started_by         varchar(200),
    started_at         timestamptz  not null default now(),
    finished_at        timestamptz,
    rows               integer      not null default 0,
    rows_checked       integer      not null default 0,
    rows_with_problems integer      not null default 0,
    problem_count      integer      not null default 0,
    rows_done          integer      not null default 0,
    created            integer      not null default 0,
    already_imported   integer      not null default 0,
    skipped            integer      not null default 0,
    refusal            varchar(300)
);
create index import_job_by_city on import_job (municipality, started_at desc);

-- A row of a city's list that became a case, by its row key ("no:" + the city's 管理番号, or "file:" + the file's
-- sha256 + "#" + the row): written in the transaction that wrote the case's events, so a row is in here exactly when
-- its case is, and the same list imported again (or a killed import re-run) skips it.
create table imported_row (
    municipality char(6)      not null,
    row_key      varchar(200) not null,
    case_id      varchar(64)  not null,
    import_id    varchar(64)  not null,
    imported_at  timestamptz  not null default now(),
    primary key (municipality, row_key)
);
