-- 台帳取込 (issue 31): the 受付番号 each row of a city's list got, written in the very statement that reserved it
-- from case_number_counter (committed at once, before the row's case is written). A killed import's re-run reuses
-- the row's number instead of reserving another, so a retried row sends byte-identical events (consumers that
-- already had them skip them by id and keep the same number). Holds only the row key and the number, no cell value.
create table import_case_number (
    municipality char(6)      not null,
    row_key      varchar(200) not null,
    fiscal_year  integer      not null,
    sequence     bigint       not null,
    primary key (municipality, row_key)
);
