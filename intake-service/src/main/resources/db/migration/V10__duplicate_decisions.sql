-- A coordinator's decisions on possible duplicates (POST /cases/{caseId}/duplicate): CONFIRM (the case joins
-- other_case_id and is closed) or DISMISS (another person). The event on the log carries ids and 受付番号 only; the
-- reason stays here, sealed with the case's data key (so erasure makes it unreadable too). The latest row of a case is
-- its decision now.
create table duplicate_decision (
    event_id      varchar(200) primary key,
    case_id       varchar(64)  not null,
    municipality  char(6)      not null,
    other_case_id varchar(64)  not null,
    decision      varchar(16)  not null,
    reason_sealed text,
    decided_by    varchar(200),
    decided_on    date         not null,
    decided_at    timestamptz  not null default now()
);
create index duplicate_decision_case on duplicate_decision (case_id, decided_at);
create index duplicate_decision_other on duplicate_decision (other_case_id) where decision = 'CONFIRM';
