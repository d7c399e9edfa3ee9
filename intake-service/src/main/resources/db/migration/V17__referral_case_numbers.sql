-- Issue 32: a live referral's 受付番号 is drawn in a statement committed before its transaction (so the counter's row
-- lock is not held through it), and kept here by case id in that same statement. The case id comes from the
-- request's Idempotency-Key, so a retry of a referral whose commit failed after Kafka acknowledged it (the event
-- already carries the number) gets the very number it was given, and a repeated request draws none. Ids and numbers
-- only.
create table referral_case_number (
    case_id     varchar(64) primary key,
    fiscal_year integer     not null,
    sequence    bigint      not null
);
