-- Turnaround at the lab: measure R of labtest_turnaround_hour is receipt at the lab → result, for tubes
-- that travelled in a transport batch with a receipt time. The write path keeps it from now on; this
-- backfills the results stored so far (the same statement shape as the first backfill).
insert into labtest_turnaround_hour (hour, lab_id, jurisdiction_path, measure, bucket, tubes)
select date_trunc('hour', t.reported_at, 'UTC'), t.lab_id, t.jurisdiction_path, 'R',
       labtest_turnaround_bucket(t.reported_at - b.received_at), count(*)
from labtest_tube t
join labtest_transport_batch b on b.id = t.transport_batch_id
where t.reported_at is not null and t.lab_id is not null and t.jurisdiction_path is not null
  and b.received_at is not null
group by 1, 2, 3, 4, 5
on conflict (hour, lab_id, jurisdiction_path, measure, bucket) do nothing;
