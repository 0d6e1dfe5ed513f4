-- The latest test per person is only ever read by person (LatestTests.of) and written by person (the tubes import
-- and the result landing): the index of its jurisdiction_path served no statement, and cost an entry for every
-- person sampled for the first time. Without it no column the writers change is indexed, so with room left on
-- each page the result landing's update of a person's row (and the tubes import's, when a person is sampled again)
-- stays on its page (HOT) and adds no entry to the primary key.
drop index labtest_person_latest_path;
alter table labtest_person_latest set (fillfactor = 70);
