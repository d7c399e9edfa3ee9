-- A notice says the referral's urgency (緊急度: ROUTINE/URGENT/EMERGENCY, the case's when the notice was made) and,
-- for referral-escalated, the emergency review (危険・緊急: EMERGENCY, or REGULAR) as two named values. urgent stays:
-- true when the urgency was URGENT (至急), as notices before these columns say it.
alter table notice add column urgency varchar(16);
alter table notice add column review  varchar(16);
