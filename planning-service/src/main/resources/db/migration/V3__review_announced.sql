-- Which plan versions were announced as due for review: each once.
create table review_announced (
    plan_id      varchar(80) not null,
    version      int         not null,
    announced_on date        not null,
    primary key (plan_id, version)
);
