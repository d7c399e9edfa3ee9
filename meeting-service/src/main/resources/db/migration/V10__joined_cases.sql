-- A case joined to the same person's earlier case (intake's duplicate-confirmed): it leaves the waiting list and the
-- agendas (queued = false) and no minutes review it any more.
alter table case_track add column joined boolean not null default false;
