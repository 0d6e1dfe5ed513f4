-- The days the key groups' sweep ran are kept with the platform's other once-a-day jobs (platform_daily_run, job
-- keygroup.sweep).
insert into platform_daily_run (job, day, ran_at, detail)
select 'keygroup.sweep', day, swept_at, moved || ' memberships moved' from keygroup_sweep_day
on conflict do nothing;
drop table keygroup_sweep_day;
