-- Nucleic-acid testing (DOMAIN.md §7): sampling sites, labs, tubes (single or pooled) with their
-- members, results with Ct values, single-tube retests after a positive pool. Members carry the
-- materialised path of the person's jurisdiction (JurisdictionScope) so every list is scoped.
create table labtest_site (
  id                bigint generated always as identity primary key,
  code              varchar(40)  collate "C" not null unique,
  name              varchar(100) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null
);

create table labtest_lab (
  id               bigint generated always as identity primary key,
  code             varchar(40)  collate "C" not null unique,
  name             varchar(100) not null,
  capacity_per_day int          not null check (capacity_per_day >= 0)
);

-- state: COLLECTED → IN_TRANSIT → RECEIVED → RESULTED; result: NEGATIVE, POSITIVE, INVALID
create table labtest_tube (
  id               bigint generated always as identity primary key,
  barcode          varchar(40)  collate "C" not null unique,
  kind             varchar(8)   not null,
  state            varchar(10)  not null,
  site_id          bigint       not null references labtest_site (id),
  collected_at     timestamptz  not null,
  result           varchar(8),
  ct_orf1ab        numeric(4, 1),
  ct_n             numeric(4, 1),
  positive         boolean,
  lab_id           bigint       references labtest_lab (id),
  reported_at      timestamptz,
  source_import_id uuid,
  result_import_id uuid,
  result_line      int
);

-- retest_state: NONE, AWAITING_RETEST, RETESTED_NEGATIVE, CONFIRMED_POSITIVE
create table labtest_tube_member (
  tube_id           bigint      not null references labtest_tube (id),
  person_id         uuid        not null,
  jurisdiction_path text        collate "C" not null,
  retest_state      varchar(20) not null default 'NONE',
  source_import_id  uuid,
  source_line       int,
  primary key (tube_id, person_id)
);
create index labtest_member_person on labtest_tube_member (person_id);

-- A single-tube retest task on the member's community list; outcome null = still open.
create table labtest_retest (
  pool_tube_id      bigint      not null references labtest_tube (id),
  person_id         uuid        not null,
  jurisdiction_path text        collate "C" not null,
  sampling_date     date        not null,
  created_at        timestamptz not null,
  outcome           varchar(20),
  resolved_at       timestamptz,
  primary key (pool_tube_id, person_id)
);
create index labtest_retest_open on labtest_retest (jurisdiction_path, created_at, person_id) where outcome is null;
create index labtest_retest_person on labtest_retest (person_id) where outcome is null;

-- Mass-testing campaigns: scope, window; the target population is snapshotted per jurisdiction path
-- at creation, and the tested counter per path is kept up to date by the tube import (each person
-- counted once per campaign), so coverage reads a few thousand rows whatever the city's size.
create table labtest_campaign (
  id         uuid         primary key,
  name       varchar(100) not null,
  starts_at  timestamptz  not null,
  ends_at    timestamptz  not null,
  created_at timestamptz  not null,
  created_by varchar(50)  not null
);

create table labtest_campaign_scope (
  campaign_id       uuid        not null references labtest_campaign (id),
  jurisdiction_code varchar(20) not null,
  jurisdiction_path text        collate "C" not null,
  primary key (campaign_id, jurisdiction_code)
);

create table labtest_campaign_population (
  campaign_id       uuid   not null references labtest_campaign (id),
  jurisdiction_path text   collate "C" not null,
  residents         bigint not null,
  tested            bigint not null default 0,
  primary key (campaign_id, jurisdiction_path)
);

create table labtest_campaign_tested (
  campaign_id uuid not null,
  person_id   uuid not null,
  primary key (campaign_id, person_id)
);
