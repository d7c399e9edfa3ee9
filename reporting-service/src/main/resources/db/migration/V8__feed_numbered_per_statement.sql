-- The portal feed's per-municipality numbers (V6) are given once per insert statement rather than once per row: the
-- live consumer inserts a batch of events in one statement, and a row trigger cost two dynamic statements per event
-- (the live catch-up of bench/run slowed by about a quarter). The statement's inserted rows (a conflicting row is not
-- among them) are numbered in the order of their seq, after the municipality's last number, which the counter's row
-- lock hands out to one transaction at a time as before.
drop trigger case_event_feed on case_event;
drop function number_feed_entry();

create function number_feed_entries() returns trigger language plpgsql as $$
begin
    execute format($sql$
        with added as (
            select municipality, seq, row_number() over (partition by municipality order by seq) as k from inserted
        ), counts as (
            select municipality, count(*) as added from added group by municipality
        ), counted as (
            insert into %1$I.feed_counter as c (municipality, last)
            select municipality, added from counts
            on conflict (municipality) do update set last = c.last + excluded.last
            returning municipality, last
        )
        insert into %1$I.feed_entry(municipality, n, seq)
        select a.municipality, counted.last - counts.added + a.k, a.seq
        from added a join counts using (municipality) join counted using (municipality)
        $sql$, TG_TABLE_SCHEMA);
    return null;
end
$$;

create trigger case_event_feed after insert on case_event referencing new table as inserted
    for each statement execute function number_feed_entries();
