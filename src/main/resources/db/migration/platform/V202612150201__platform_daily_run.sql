-- The platform's once-a-day jobs, each run once for each day in the city's zone (DailyRuns): the job, the day, when
-- it ran and what it did. A job whose hour was missed (the platform down) runs when the platform is back.
create table platform_daily_run (
  job    varchar(60)  collate "C" not null,
  day    date         not null,
  ran_at timestamptz  not null,
  detail varchar(200),
  primary key (job, day)
);
