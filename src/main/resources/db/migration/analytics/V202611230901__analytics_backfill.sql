-- Fills the dashboard read models once from the records that exist when the analytics module is
-- installed; from then on the events keep them (a republished event of a backfilled case or order
-- is recognised by its id and changes nothing). Cases count on their report day in their present
-- classification (earlier reclassifications are not replayed); days are those of the default city
-- zone (Asia/Shanghai). Orders count under their first phase's regime.
insert into analytics_case (case_id, district_code, district_path, classification, imported, under_control,
  counted_on, onset_on)
select c.id::text, coalesce(d.code, c.jurisdiction_code), coalesce(d.path, c.jurisdiction_path), c.classification,
  c.imported, coalesce(c.discovery_route = 'UNDER_CONTROL', false),
  (c.reported_at at time zone 'Asia/Shanghai')::date,
  coalesce(c.onset_date, (c.reported_at at time zone 'Asia/Shanghai')::date)
from case_report c
left join jurisdiction d on d.level = 'COUNTY' and c.jurisdiction_path like d.path || '%'
on conflict (case_id) do nothing;

insert into analytics_daily_count (basis, day, district_code, district_path, classification, imported, under_control,
  cases)
select 'REPORT', counted_on, district_code, district_path, classification, imported, under_control, count(*)
from analytics_case group by counted_on, district_code, district_path, classification, imported, under_control
union all
select 'ONSET', onset_on, district_code, district_path, classification, imported, under_control, count(*)
from analytics_case group by onset_on, district_code, district_path, classification, imported, under_control;

insert into analytics_order (order_id, district_code, district_path, reason, regime, ended)
select o.id::text, coalesce(d.code, o.jurisdiction_code), coalesce(d.path, o.jurisdiction_path), o.reason,
  coalesce((select p.regime from quarantine_phase p where p.order_id = o.id order by p.seq limit 1), 'OTHER'),
  o.state not in ('PENDING_TRANSFER', 'ACTIVE')
from quarantine_order o
left join jurisdiction d on d.level = 'COUNTY' and o.jurisdiction_path like d.path || '%'
on conflict (order_id) do nothing;

insert into analytics_management_count (district_code, district_path, reason, regime, persons)
select district_code, district_path, reason, regime, count(*) from analytics_order where not ended
group by district_code, district_path, reason, regime;
