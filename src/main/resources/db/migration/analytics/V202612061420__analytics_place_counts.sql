-- The maps count cases and persons where they are — district, street, community — not only per district:
-- each case and order remembers its own division (place), and two small rollups keep the counts per place,
-- so that the map of all of a city's communities reads one row per community, never the records.

alter table analytics_case
  add column place_code text,
  add column place_path text collate "C",
  -- discharged or died: no longer under treatment
  add column closed     boolean not null default false;

alter table analytics_order
  add column place_code text,
  add column place_path text collate "C";

-- the records that exist now: their own divisions (as the first backfill read them), else their district's
update analytics_case a set place_code = c.jurisdiction_code, place_path = c.jurisdiction_path,
  closed = coalesce(c.outcome in ('DISCHARGED', 'DIED'), false)
from case_report c where c.id::text = a.case_id;
update analytics_case set place_code = district_code, place_path = district_path where place_code is null;
update analytics_order a set place_code = o.jurisdiction_code, place_path = o.jurisdiction_path
from quarantine_order o where o.id::text = a.order_id;
update analytics_order set place_code = district_code, place_path = district_path where place_code is null;

-- Counts that stand now per place: ACTIVE_CASES (local and imported, confirmed and asymptomatic, not discharged
-- or died) and MANAGED (persons under an open quarantine order).
create table analytics_place_current (
  metric      text not null check (metric in ('ACTIVE_CASES', 'MANAGED')),
  place_code  text not null,
  place_path  text collate "C" not null,
  value       int  not null default 0,
  primary key (metric, place_code)
);
create index analytics_place_current_path on analytics_place_current (metric, place_path);

-- New local infections (confirmed and asymptomatic) per report day and place, on the basis the dashboard
-- counts them (a conversion moves its case to the day it was confirmed).
create table analytics_place_daily (
  day         date not null,
  place_code  text not null,
  place_path  text collate "C" not null,
  local_cases int  not null default 0,
  primary key (day, place_code)
);
create index analytics_place_daily_path on analytics_place_daily (day, place_path);

insert into analytics_place_current (metric, place_code, place_path, value)
select 'ACTIVE_CASES', place_code, place_path, count(*) from analytics_case
where classification in ('CONFIRMED', 'ASYMPTOMATIC') and not closed group by place_code, place_path;
insert into analytics_place_current (metric, place_code, place_path, value)
select 'MANAGED', place_code, place_path, count(*) from analytics_order where not ended group by place_code, place_path;
insert into analytics_place_daily (day, place_code, place_path, local_cases)
select counted_on, place_code, place_path, count(*) from analytics_case
where not imported and classification in ('CONFIRMED', 'ASYMPTOMATIC') group by counted_on, place_code, place_path;
