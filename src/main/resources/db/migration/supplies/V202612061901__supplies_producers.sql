-- Producers of protective goods (开足马力、扩大产能): an organisation of the directory with the items it makes
-- and its daily capacity, and its daily output reports with the bottleneck that holds it back.
create table supply_producer (
  id                uuid          primary key,
  credit_code       varchar(18)   not null unique,
  name              varchar(100)  not null,
  path              text          collate "C" not null,
  item_codes        text[]        not null,
  daily_capacity    bigint        not null,
  created_at        timestamptz   not null
);
create index supply_producer_scope on supply_producer (path);

create table supply_producer_report (
  producer_id   uuid          not null references supply_producer (id),
  day           date          not null,
  output_today  bigint        not null,
  shipped_today bigint        not null,
  bottleneck    varchar(20),
  note          varchar(500),
  reported_by   varchar(100)  not null,
  reported_at   timestamptz   not null,
  primary key (producer_id, day)
);
