-- The person page lists a person's tubes and retests ("which tubes was this person sampled into").
-- This brings back the member index that V202611250200 dropped for import throughput: one more index
-- entry per member row is the price of answering that question without reading every member row.
create index labtest_member_person on labtest_tube_member (person_id);
create index labtest_retest_person_all on labtest_retest (person_id, created_at desc);
