-- Several inspection plans on one day (DOMAIN.md §15): a city sends several teams out at once, each
-- to its district. A plan now names its team (督查组) and, optionally, the district it covers; one
-- plan per day, team and district (a plan without a team name or district counts as one of each).
alter table inspection_plan drop constraint inspection_plan_plan_date_key;
alter table inspection_plan add column team_name varchar(100);
alter table inspection_plan add column district_code varchar(20);
alter table inspection_plan add column district_name varchar(100);
create unique index inspection_plan_day_team_district
  on inspection_plan (plan_date, coalesce(team_name, ''), coalesce(district_code, ''));
