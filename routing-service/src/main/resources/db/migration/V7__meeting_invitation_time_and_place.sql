-- A meeting invitation says when and where (MembersInvited.startsAt and place, meeting-service since 2026-12; a
-- meeting room is not personal data): null for other notices and for invitations to meetings without them.
alter table notice add column starts_at time;
alter table notice add column place varchar(100);
