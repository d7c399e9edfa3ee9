-- A review's outcome as a correction of the minutes (議事録の訂正) left it, one row per correction: the highest version
-- is the review's outcome now. Its own table, written by inserts only, so that a batch's writes stay one statement per
-- table in any order (Sql.inBatches).
create table case_review_correction (
    meeting_id varchar(120) not null,
    case_id    varchar(64)  not null,
    version    int          not null,
    outcome    varchar(16)  not null,
    primary key (meeting_id, case_id, version)
);
