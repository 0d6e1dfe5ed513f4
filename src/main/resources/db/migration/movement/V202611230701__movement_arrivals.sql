-- Returnees and inbound travellers (DOMAIN.md §8): registered by themselves on a phone or by the
-- community; the arrival rule of the rule set in force decides the reason and opens the order.
create table arrival (
  id                uuid primary key,
  person_id         uuid not null,
  name              text not null,
  origin_region     text,
  origin_area_id    uuid references risk_area (id),
  origin_level      text not null,
  inbound           boolean not null,
  route             text,
  arrival_date      date not null,
  jurisdiction_code text not null,
  jurisdiction_path text collate "C" not null,
  rule_set          text not null,
  reason            text,
  outcome           text not null,
  order_id          uuid,
  channel           text not null,
  registered_by     text,
  created_at        timestamptz not null
);
create index arrival_path on arrival (jurisdiction_path, arrival_date desc, id);
