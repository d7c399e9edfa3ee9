-- The 議事録 a city files names the people who attended, each with her agency or organisation (Attendee; the
-- attendees column keeps the agencies' ids, who may read the meeting), and who recorded or corrected each version, by
-- name. Versions written before this one hold agencies alone (attendees_json null) and no name.
alter table minutes_version add column attendees_json text;
alter table minutes_version add column recorded_by_name varchar(100);
