-- Closed-loop transfers (DOMAIN.md §6): a trip takes persons awaiting transfer to a site; every
-- passenger picked up must check in there, anyone missing at check-in is an alert.
create table quarantine_trip (
  id                  uuid        primary key,
  vehicle             varchar(30) not null,
  driver              varchar(50) not null,
  escort              varchar(50),
  destination_site_id uuid        not null references quarantine_site (id),
  jurisdiction_path   text        collate "C" not null,
  state               varchar(12) not null,
  planned_at          timestamptz not null,
  dispatched_at       timestamptz,
  picked_up_at        timestamptz,
  arrived_at          timestamptz,
  checked_in_at       timestamptz,
  created_by          varchar(50) not null
);
create index quarantine_trip_path on quarantine_trip (jurisdiction_path, planned_at desc);

create table quarantine_trip_passenger (
  trip_id       uuid    not null references quarantine_trip (id),
  order_id      uuid    not null references quarantine_order (id),
  picked_up     boolean not null default false,
  checked_in_at timestamptz,
  primary key (trip_id, order_id)
);
create index quarantine_trip_passenger_order on quarantine_trip_passenger (order_id);

create index quarantine_alert_missed on quarantine_alert (dedupe_key) where kind = 'MISSED_CHECK';
