-- Households (世帯): which household each case is in now (intake's household-linked/unlinked), and a household's plan
-- as one plan whose subjects are member cases, each with the member's own wish and roles per version (the version's
-- wish and roles are then the household's). The wishes stay here: no event carries them.
create table household_member (
    case_id      varchar(64) primary key,
    household_id varchar(80) not null,
    municipality char(6)     not null,
    linked_on    date        not null
);
create index household_member_by_household on household_member (household_id);

alter table plan add column household_id varchar(80);
create index plan_by_household on plan (household_id);

create table plan_subject (
    plan_id    varchar(80) not null,
    version    int         not null,
    position   int         not null,
    case_id    varchar(64) not null,
    wish       varchar(500),
    wish_tags  text        not null default '',
    roles_json text        not null,
    primary key (plan_id, version, case_id)
);
create index plan_subject_by_case on plan_subject (case_id);
