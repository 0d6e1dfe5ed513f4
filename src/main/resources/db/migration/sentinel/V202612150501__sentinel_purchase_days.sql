-- The sentinel board's counts: registrations and packs per day of purchase and drug class, kept for every
-- division above a pharmacy (scope_code) and the part of it the pharmacy lies in (part_code: the child division
-- on the way down, '' for a pharmacy of the division itself). The board of a division reads its own rows only:
-- its parts × days × classes, a few thousand rows for a whole city, against a million registrations a day.
-- A registration adds to its rows when its transaction commits, all transactions in the same key order; the
-- shard (from the pharmacy) spreads the clerks of a city over several rows of the city's count, so that they
-- seldom wait for each other. Reads add the shards up.
create table sentinel_purchase_count (
  scope_code    varchar(20) collate "C" not null,
  day           date        not null,
  drug_class    varchar(40) collate "C" not null,
  part_code     varchar(20) collate "C" not null,
  shard         smallint    not null,
  registrations int         not null,
  packs         int         not null,
  primary key (scope_code, day, drug_class, part_code, shard)
);

-- the registrations made before the board existed, by the day of purchase in the city's zone (shard 0)
insert into sentinel_purchase_count (scope_code, day, drug_class, part_code, shard, registrations, packs)
select p.segments[i], p.day, p.drug_class,
       case when i = cardinality(p.segments) - 1 then '' else p.segments[i + 1] end, 0, sum(p.n), sum(p.q)
from (select string_to_array(trim(both '/' from min(pharmacy_path)), '/') as segments,
             (purchased_at at time zone '${zone}')::date as day, drug_class, count(*) as n, sum(quantity) as q
      from sentinel_purchase
      group by pharmacy_code, (purchased_at at time zone '${zone}')::date, drug_class) p
  cross join lateral generate_series(1, cardinality(p.segments) - 1) i
group by 1, 2, 3, 4;
