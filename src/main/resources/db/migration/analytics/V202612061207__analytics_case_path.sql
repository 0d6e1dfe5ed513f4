-- The division of each counted case (its community), so that a street's or a community's daily report
-- is pre-filled with its own new positives, counted as the dashboard counts them (by counted_on).
alter table analytics_case add column case_path text collate "C";
create index analytics_case_day on analytics_case (counted_on, district_path);
