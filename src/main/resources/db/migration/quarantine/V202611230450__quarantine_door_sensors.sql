-- Door sensors (门磁) for home isolation (DOMAIN.md §6): a sensor is bound to one order at a time and an
-- open order has at most one sensor. last_seen_at is the last event of any kind; silent_alerted_at is set
-- when a silence was alerted and cleared by the next event, so each silence alerts once.
create table quarantine_door_sensor (
  device_id         varchar(64) primary key,
  order_id          uuid        not null references quarantine_order (id),
  bound_at          timestamptz not null,
  bound_by          varchar(50),
  last_seen_at      timestamptz,
  last_event        varchar(10),
  silent_alerted_at timestamptz
);
create unique index quarantine_door_sensor_order on quarantine_door_sensor (order_id);
create index quarantine_door_sensor_seen on quarantine_door_sensor ((coalesce(last_seen_at, bound_at)))
  where silent_alerted_at is null;

-- Openings the resident declared beforehand (rubbish, delivery): an OPEN inside [from_at, until_at) is not an alert.
create table quarantine_door_declaration (
  id          uuid        primary key,
  order_id    uuid        not null references quarantine_order (id),
  from_at     timestamptz not null,
  until_at    timestamptz not null,
  declared_by varchar(50) not null,
  declared_at timestamptz not null,
  check (until_at > from_at)
);
create index quarantine_door_declaration_order on quarantine_door_declaration (order_id, from_at);

-- Every accepted sensor event, range-partitioned by the day it was received (ARCHITECTURE.md, scale
-- path): a day is dropped or archived as a whole. Partitions are created ahead by DoorEventLog at
-- start-up and daily; the default partition only catches rows if that job ever falls behind.
create table quarantine_door_event (
  device_id   varchar(64) not null,
  order_id    uuid        not null,
  event       varchar(10) not null,
  at          timestamptz not null,
  received_at timestamptz not null
) partition by range (received_at);
create table quarantine_door_event_default partition of quarantine_door_event default;
create index quarantine_door_event_device on quarantine_door_event (device_id, received_at);
create index quarantine_door_event_order on quarantine_door_event (order_id, at);
