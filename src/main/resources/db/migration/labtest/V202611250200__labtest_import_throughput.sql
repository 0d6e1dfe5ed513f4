-- Import throughput (issue #6). No query looks members up by person (a person's tubes are not listed;
-- the campaigns count persons in labtest_campaign_tested, retests have their own index): the index
-- only cost a random insert per member row.
drop index labtest_member_person;
-- A tube is written once by the tubes import and updated once when its result lands: with room left
-- on its page for the new version (about 1.3 times the collected tube's size) the update is a
-- heap-only tuple (HOT) — none of the result's columns is indexed — and adds no entry to the tube's
-- three indexes. The table is about 2.5 times larger; at 60 % only half the updates found room.
alter table labtest_tube set (fillfactor = 40);
-- The foreign keys on the bulk paths cost a trigger and a look-up per row (a member row, a tube, a
-- landed result) — more than the row's own COPY. Tubes, sites and labs are never deleted, and the
-- only writers of these columns (TubeWrites, ResultLanding) take the ids from the referenced rows in
-- the same transaction: the keys are checked there, per batch, not per row.
alter table labtest_tube_member drop constraint labtest_tube_member_tube_id_fkey;
alter table labtest_tube drop constraint labtest_tube_site_id_fkey;
alter table labtest_tube drop constraint labtest_tube_lab_id_fkey;
-- The turnaround bucket from the interval's seconds as a double (date_part) instead of a numeric
-- (extract): the same buckets (whole multiples of 300 s are exact in both), at a fraction of the cost
-- per landed result.
create or replace function labtest_turnaround_bucket(d interval) returns smallint
  language sql immutable parallel safe
  return least(864, greatest(0, floor(date_part('epoch', d) / 300)))::smallint;
