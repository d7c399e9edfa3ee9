-- case-escalated.v2: a case keeps the referral's urgency (通常/至急/緊急) and the emergency review (危険・緊急) as two
-- things, where `urgent` said only the second. Rows before: urgent meant 緊急 with abuse or violence.
alter table case_track add column urgency varchar(16) not null default 'ROUTINE';
alter table case_track add column review varchar(16) not null default 'REGULAR';
update case_track set urgency = 'EMERGENCY', review = 'EMERGENCY' where urgent;
alter table case_track drop column urgent;
