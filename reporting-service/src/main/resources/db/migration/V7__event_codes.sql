-- Each line of a case history keeps the codes its event gave (CaseEventCodes): exports carry them as columns, and the
-- summary is a Japanese line without an id. Lines written before this version keep their (English) summary, which
-- may name an agency or a plan: they are not coded, and an export leaves their summary out.
alter table case_event add column coded boolean not null default false;
alter table case_event add column concerns     varchar(600);
alter table case_event add column area         varchar(100);
alter table case_event add column age_band     varchar(20);
alter table case_event add column fields       varchar(100);
alter table case_event add column meeting_type varchar(32);
alter table case_event add column outcome      varchar(16);
alter table case_event add column plan_type    varchar(16);
alter table case_event add column agency_id    varchar(80);
