-- The plans of a case still open, so that closing one plan while another runs keeps the case PLAN_ACTIVE.
alter table case_status add column open_plans text not null default '';
