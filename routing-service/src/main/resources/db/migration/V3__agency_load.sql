-- How many cases each agency holds (waiting for its answer or accepted by it), kept as routing's decisions change
-- (RoutingRecords.saveRouting, by CaseRouting.holdsAgency) so that choosing the least-loaded site reads one row per
-- agency instead of counting every open case on every decision. Filled once here from the decisions so far.
create table agency_load (
    municipality char(6)     not null,
    agency_id    varchar(64) not null,
    open_cases   bigint      not null,
    primary key (municipality, agency_id)
);
insert into agency_load (municipality, agency_id, open_cases)
select municipality, agency_id, count(*) from case_routing
 where state in ('AWAITING', 'ACCEPTED') and agency_id is not null
 group by municipality, agency_id;
