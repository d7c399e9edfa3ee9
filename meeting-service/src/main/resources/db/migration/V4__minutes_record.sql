-- Minutes as a city keeps them: when and where the meeting was held, who chaired it, its overall notes
-- (confidential like the reviews' notes), and the reviews in the order discussed.
alter table meeting add column start_time time;
alter table meeting add column end_time time;
alter table meeting add column place varchar(100);
alter table meeting add column chair varchar(100);
alter table meeting add column notes text;
alter table review add column position int not null default 0;
