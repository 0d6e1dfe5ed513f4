-- Quarantine orders, their phases and tests (DOMAIN.md §6). person_name and the jurisdiction are
-- filed with the order so lists never read the person module's tables.
create table quarantine_order (
  id                uuid        primary key,
  person_id         uuid        not null,
  person_name       varchar(50) not null,
  household_id      uuid,
  jurisdiction_code varchar(20) not null,
  jurisdiction_path text        collate "C" not null,
  reason            varchar(40) not null,
  anchor_date       date        not null,
  rule_set_code     varchar(40) not null references quarantine_rule_set (code),
  state             varchar(20) not null,
  planned_end_date  date        not null,
  source            varchar(20) not null,
  source_ref        varchar(100),
  room_stay_id      uuid,
  site_id           uuid,
  health_token_hash bytea       unique,
  created_by        varchar(50),
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  ended_at          timestamptz,
  end_note          varchar(500)
);
-- one open order per person: a second one (e.g. the same contact named twice) is a duplicate
create unique index quarantine_order_open_person on quarantine_order (person_id)
  where state in ('PENDING_TRANSFER', 'ACTIVE');
create index quarantine_order_path on quarantine_order (jurisdiction_path, state, created_at desc);
create index quarantine_order_end on quarantine_order (planned_end_date) where state in ('PENDING_TRANSFER', 'ACTIVE');
create index quarantine_order_pending on quarantine_order (created_at) where state = 'PENDING_TRANSFER';
create index quarantine_order_household on quarantine_order (household_id) where household_id is not null;

create table quarantine_phase (
  order_id   uuid        not null references quarantine_order (id),
  seq        int         not null,
  regime     varchar(20) not null,
  start_date date        not null,
  end_date   date        not null,
  status     varchar(12) not null,
  primary key (order_id, seq)
);

create table quarantine_test (
  id           uuid        primary key,
  order_id     uuid        not null references quarantine_order (id),
  day          int         not null,
  test_date    date        not null,
  dual_reagent boolean     not null default false,
  extra        boolean     not null default false,
  status       varchar(12) not null,
  note         varchar(200),
  result_at    timestamptz
);
create index quarantine_test_order on quarantine_test (order_id, test_date);
create index quarantine_test_due on quarantine_test (test_date) where status = 'SCHEDULED';

-- Sites, zones and rooms. One person or one household per room: a stay is the occupation of a
-- room; the partial unique index makes double-booking impossible under concurrency.
create table quarantine_site (
  id                uuid         primary key,
  code              varchar(40)  not null unique,
  name              varchar(100) not null,
  address           varchar(200),
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  created_at        timestamptz  not null default now()
);

create table quarantine_zone (
  id      uuid        primary key,
  site_id uuid        not null references quarantine_site (id),
  name    varchar(50) not null,
  kind    varchar(20) not null,
  unique (site_id, name)
);

create table quarantine_room (
  id         uuid        primary key,
  site_id    uuid        not null references quarantine_site (id),
  zone_id    uuid        references quarantine_zone (id),
  number     varchar(20) not null,
  state      varchar(20) not null,
  updated_at timestamptz not null default now(),
  unique (site_id, number)
);
create index quarantine_room_state on quarantine_room (site_id, state);

create table quarantine_room_stay (
  id            uuid        primary key,
  room_id       uuid        not null references quarantine_room (id),
  household_key varchar(40) not null,
  started_at    timestamptz not null,
  ended_at      timestamptz
);
create unique index quarantine_room_stay_one on quarantine_room_stay (room_id) where ended_at is null;

-- Alerts of every kind (missed check, fever, door opened, silent sensor, awaiting transfer, missing
-- at check-in): one table so a worker's screen shows them together.
create table quarantine_alert (
  id                uuid         primary key,
  order_id          uuid         not null references quarantine_order (id),
  person_name       varchar(50)  not null,
  jurisdiction_path text         collate "C" not null,
  kind              varchar(30)  not null,
  dedupe_key        varchar(100) not null,
  detail            varchar(300),
  raised_at         timestamptz  not null,
  state             varchar(15)  not null,
  acknowledged_by   varchar(50),
  acknowledged_at   timestamptz,
  resolved_by       varchar(50),
  resolved_at       timestamptz,
  note              varchar(500),
  unique (order_id, kind, dedupe_key)
);
create index quarantine_alert_open on quarantine_alert (jurisdiction_path, raised_at desc) where state <> 'RESOLVED';

-- Health checks, twice a day; the latest report of a half-day counts.
create table quarantine_health_check (
  order_id    uuid         not null references quarantine_order (id),
  check_date  date         not null,
  half        varchar(2)   not null,
  temperature numeric(3,1) not null,
  symptoms    varchar(200) not null default '',
  reported_by varchar(20)  not null,
  reporter    varchar(50),
  reported_at timestamptz  not null,
  primary key (order_id, check_date, half)
);
