-- The portal feed's event ids per municipality (1, 2, 3, … in each), so that a city's feed shows no gap where another
-- city's events went by, and a gap in it means an event missed. An event is numbered when its case_event row is
-- inserted (after the insert: a row that conflicts is not numbered). The schema is the trigger's table's, so a
-- replay's schema numbers its own rows.
create table feed_counter (
    municipality char(6) primary key,
    last         bigint  not null
);

create table feed_entry (
    municipality char(6) not null,
    n            bigint  not null,
    seq          bigint  not null,
    primary key (municipality, n)
);

insert into feed_entry(municipality, n, seq)
select municipality, row_number() over (partition by municipality order by seq), seq from case_event;
insert into feed_counter(municipality, last) select municipality, max(n) from feed_entry group by municipality;

create function number_feed_entry() returns trigger language plpgsql as $$
declare
    next bigint;
begin
    execute format('insert into %I.feed_counter as c (municipality, last) values ($1, 1) '
                   'on conflict (municipality) do update set last = c.last + 1 returning last', TG_TABLE_SCHEMA)
        into next using new.municipality;
    execute format('insert into %I.feed_entry(municipality, n, seq) values ($1, $2, $3)', TG_TABLE_SCHEMA)
        using new.municipality, next, new.seq;
    return null;
end
$$;

create trigger case_event_feed after insert on case_event for each row execute function number_feed_entry();
