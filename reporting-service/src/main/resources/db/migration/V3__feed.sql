-- A gap-free order of the case events as reporting received them: the portal feed's event ids (Last-Event-ID).
alter table case_event add column seq bigserial;
create unique index case_event_seq on case_event (seq);
