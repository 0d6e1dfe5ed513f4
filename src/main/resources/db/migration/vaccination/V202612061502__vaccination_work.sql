-- Door-to-door target lists (逐人动员、逐人销号): one item per person who should be vaccinated further
-- (by the targets of their age band), generated per grid or community from the registry's birth dates,
-- the status and the exclusions. An item is closed (销号) when a dose brings the person to the goal of
-- their band, or when a documented exclusion or visit outcome closes it; closed items stay as history.
create table vaccination_target (
  person_id         uuid         primary key,
  jurisdiction_path text         collate "C" not null,
  birth_date        date         not null,
  state             varchar(20)  not null,
  closed_reason     varchar(30),
  closed_at         timestamptz,
  revisit_on        date,
  appointment_on    date,
  appointment_site  varchar(40),
  deferred_until    date,
  last_outcome      varchar(40),
  note              varchar(500),
  visits            int          not null default 0,
  last_visit_at     timestamptz,
  visited_by        varchar(64),
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null
);
-- the worker's open list: their grid's or community's path, oldest first
create index vaccination_target_open on vaccination_target (jurisdiction_path, birth_date, person_id)
  where state <> 'CLOSED';
create index vaccination_target_closed on vaccination_target (jurisdiction_path, closed_at)
  where state = 'CLOSED';

-- which paths have had their list generated, when, and how many items that added
create table vaccination_target_scope (
  jurisdiction_path text        collate "C" primary key,
  generated_at      timestamptz not null,
  added             int         not null
);

-- Contraindications, refusals and other documented reasons not to vaccinate a person (now)
create table vaccination_exclusion (
  id                uuid         primary key,
  person_id         uuid         not null,
  jurisdiction_path text         collate "C" not null,
  kind              varchar(40)  not null,
  reason            varchar(500),
  evidence          varchar(500),
  valid_until       date,
  review_on         date,
  state             varchar(10)  not null,
  recorded_by       varchar(64)  not null,
  recorded_at       timestamptz  not null,
  lifted_by         varchar(64),
  lifted_at         timestamptz
);
create index vaccination_exclusion_person on vaccination_exclusion (person_id);
create index vaccination_exclusion_scope on vaccination_exclusion (jurisdiction_path, recorded_at);

-- Adverse events following immunization (AEFI, 疑似预防接种异常反应): recorded, reported (within the
-- configured time, 48 h by default), closed with an outcome
create table vaccination_adverse_event (
  id                uuid         primary key,
  dose_id           uuid         not null,
  person_id         uuid         not null,
  jurisdiction_path text         collate "C" not null,
  onset_at          timestamptz  not null,
  symptoms          varchar(500) not null,
  severity          varchar(20)  not null,
  outcome           varchar(20)  not null,
  state             varchar(20)  not null,
  recorded_by       varchar(64)  not null,
  recorded_at       timestamptz  not null,
  report_due_at     timestamptz  not null,
  reported_by       varchar(64),
  reported_at       timestamptz,
  closed_by         varchar(64),
  closed_at         timestamptz
);
create index vaccination_adverse_event_scope on vaccination_adverse_event (jurisdiction_path, recorded_at);
create index vaccination_adverse_event_person on vaccination_adverse_event (person_id);
