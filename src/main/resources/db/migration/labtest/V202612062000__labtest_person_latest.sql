-- The latest test per person (SHARED §3), kept by the write paths in the data's own transaction:
-- the tubes import raises last_sampled_at (and clears last_result while the newest sampling has none),
-- the result landing sets last_result when the result belongs to the person's newest sampling and
-- raises last_negative_sampled_at for every negative. Every "tested within N hours" rule reads this
-- table instead of scanning tubes. jurisdiction_path: the person's path at their newest sampling.
create table labtest_person_latest (
  person_id                uuid        primary key,
  last_sampled_at          timestamptz not null,
  last_result              varchar(8),
  last_negative_sampled_at timestamptz,
  jurisdiction_path        text        collate "C" not null
);
create index labtest_person_latest_path on labtest_person_latest (jurisdiction_path);

insert into labtest_person_latest (person_id, last_sampled_at, last_result, last_negative_sampled_at, jurisdiction_path)
select m.person_id, max(t.collected_at),
       (array_agg(t.result order by t.collected_at desc, t.positive desc nulls last))[1],
       max(t.collected_at) filter (where t.result = 'NEGATIVE'),
       (array_agg(m.jurisdiction_path order by t.collected_at desc))[1]
from labtest_tube_member m join labtest_tube t on t.id = m.tube_id
group by m.person_id;
