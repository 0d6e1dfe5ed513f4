-- A daily report's version: 1 when filed, +1 with every correction. A correction names the version it was
-- made from, and one made from an older version is refused (409) instead of silently overwriting.
alter table command_daily_report add column version int not null default 1;
