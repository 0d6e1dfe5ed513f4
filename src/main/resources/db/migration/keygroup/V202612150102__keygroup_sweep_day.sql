-- The days the daily sweep over every open membership ran (as of that day), with when and how many it moved: a
-- platform down at the sweep's hour sweeps when it is back (at start-up and every hour it looks for today's row).
create table keygroup_sweep_day (
  day      date        primary key,
  swept_at timestamptz not null,
  moved    integer     not null
);
