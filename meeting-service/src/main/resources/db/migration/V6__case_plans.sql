-- The plans of each case as planning-service announces them (plan-created, plan-closed; CasePlans): whether a
-- 再プラン (REPLAN) has a running plan of its type to revise. No personal field. Plans made before this version are
-- learnt when the consumer reads tsunagu.plans.v1 from its start.
create table case_plan (
    plan_id   varchar(120) primary key,
    case_id   varchar(64)  not null,
    plan_type varchar(16)  not null,
    closed    boolean      not null default false
);
create index case_plan_by_case on case_plan (case_id);
