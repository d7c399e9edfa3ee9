-- When and where a meeting is held, as scheduled (POST /meetings, or the calendar's series): the start (Japan time),
-- the planned end and the place (会場, a room: not personal data). Null for meetings scheduled before this version.
-- The minutes keep how it was held in start_time, end_time and place.
alter table meeting add column starts_at time;
alter table meeting add column ends_at time;
alter table meeting add column scheduled_place varchar(100);
