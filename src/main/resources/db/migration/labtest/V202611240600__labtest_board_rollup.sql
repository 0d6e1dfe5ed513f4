-- The campaign board reads rollups kept by the write paths in the data's own transaction
-- (TubeImport: tubes and members inserted; ResultLanding: results landed), never the tubes.
-- A tube's jurisdiction path is its first member's (the first row that created it): tubes, results,
-- persons resulted and turnaround are counted there; persons sampled at each member's own path.
-- members: the tube's member count, so a landing result needs not read the members.
alter table labtest_tube add column jurisdiction_path text collate "C";
alter table labtest_tube add column members int not null default 0;

-- per UTC hour, sampling site and jurisdiction path: tubes and persons sampled (hour of sampling);
-- tubes resulted, their members (valid results only) and positive tubes (hour of result)
create table labtest_board_hour (
  hour              timestamptz not null,
  site_id           bigint      not null,
  jurisdiction_path text        collate "C" not null,
  tubes             bigint      not null default 0,
  persons           bigint      not null default 0,
  results           bigint      not null default 0,
  persons_resulted  bigint      not null default 0,
  positives         bigint      not null default 0,
  primary key (hour, site_id, jurisdiction_path)
);

-- per UTC hour of result, lab and the tube's jurisdiction path: a histogram of minutes in 5-minute
-- buckets (0..863 cover 72 h, 864 is the overflow) of measure T (sampling → result), H (sampling →
-- hand-over in a transport batch) and X (hand-over → receipt at the lab)
create table labtest_turnaround_hour (
  hour              timestamptz not null,
  lab_id            bigint      not null,
  jurisdiction_path text        collate "C" not null,
  measure           char(1)     not null,
  bucket            smallint    not null,
  tubes             bigint      not null,
  primary key (hour, lab_id, jurisdiction_path, measure, bucket)
);

-- the one definition of a bucket, shared by the write path and the backfill below
create function labtest_turnaround_bucket(d interval) returns smallint
  language sql immutable parallel safe
  return least(864, greatest(0, floor(extract(epoch from d) / 300)))::smallint;

update labtest_tube t set jurisdiction_path = f.jurisdiction_path, members = f.members
from (select tube_id, count(*) as members,
             (array_agg(jurisdiction_path order by source_line nulls last, jurisdiction_path))[1] as jurisdiction_path
      from labtest_tube_member group by tube_id) f
where f.tube_id = t.id;

insert into labtest_board_hour (hour, site_id, jurisdiction_path, tubes, persons, results, persons_resulted, positives)
select hour, site_id, jurisdiction_path, sum(tubes), sum(persons), sum(results), sum(persons_resulted), sum(positives)
from (
  select date_trunc('hour', collected_at, 'UTC') as hour, site_id, jurisdiction_path, count(*) as tubes,
         0 as persons, 0 as results, 0 as persons_resulted, 0 as positives
  from labtest_tube where jurisdiction_path is not null group by 1, 2, 3
  union all
  select date_trunc('hour', t.collected_at, 'UTC'), t.site_id, m.jurisdiction_path, 0, count(*), 0, 0, 0
  from labtest_tube t join labtest_tube_member m on m.tube_id = t.id group by 1, 2, 3
  union all
  select date_trunc('hour', reported_at, 'UTC'), site_id, jurisdiction_path, 0, 0, count(*),
         coalesce(sum(members) filter (where result <> 'INVALID'), 0),
         count(*) filter (where positive and result <> 'INVALID')
  from labtest_tube where reported_at is not null and jurisdiction_path is not null group by 1, 2, 3) x
group by hour, site_id, jurisdiction_path;

insert into labtest_turnaround_hour (hour, lab_id, jurisdiction_path, measure, bucket, tubes)
select date_trunc('hour', t.reported_at, 'UTC'), t.lab_id, t.jurisdiction_path, x.measure,
       labtest_turnaround_bucket(x.d), count(*)
from labtest_tube t
left join labtest_transport_batch b on b.id = t.transport_batch_id
cross join lateral (values ('T', t.reported_at - t.collected_at), ('H', b.handed_over_at - t.collected_at),
                           ('X', b.received_at - b.handed_over_at)) x(measure, d)
where t.reported_at is not null and t.lab_id is not null and t.jurisdiction_path is not null and x.d is not null
group by 1, 2, 3, 4, 5;
