-- Import throughput (issue #6). No query looks members up by person (a person's tubes are not listed;
-- the campaigns count persons in labtest_campaign_tested, retests have their own index): the index
-- only cost a random insert per member row.
drop index labtest_member_person;
-- A tube is written once by the tubes import and updated once when its result lands: with room left
-- on its page the update is a heap-only tuple (HOT) — none of the result's columns is indexed — and
-- adds no entry to the tube's three indexes.
alter table labtest_tube set (fillfactor = 60);
