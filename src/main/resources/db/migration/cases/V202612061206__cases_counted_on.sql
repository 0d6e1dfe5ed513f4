-- The day a case counts as reported (docs/domain.md §16, counting rules): the day it was entered, or for
-- a line list of another system (a historical import) the day it was diagnosed there, else its onset
-- day (1970-01-01: no date at all, it lists on no day). Cases filed before this column count on the day
-- they were entered.
alter table case_report add column counted_on date;
create index case_report_counted_on on case_report (counted_on, reported_at desc, id) where counted_on is not null;
