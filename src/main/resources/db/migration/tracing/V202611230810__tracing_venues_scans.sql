-- Venue codes (场所码, DOMAIN.md §5): the registry and the scans.
create table venue (
  id                  uuid primary key,
  code                text not null unique,
  name                text not null,
  address             text,
  venue_type          text not null,
  jurisdiction_code   text not null,
  jurisdiction_path   text collate "C" not null,
  created_at          timestamptz not null
);
create index venue_scope on venue (jurisdiction_path, code);

-- Scans: tens of millions a day in a large city, so range-partitioned by day (the city's day);
-- partitions are created by the import for the days its rows fall on. The key serves co-presence
-- (one venue, a time range) and makes a re-import add nothing.
create table venue_scan (
  venue_id            uuid not null,
  scanned_at          timestamptz not null,
  person_id           uuid not null,
  import_id           uuid,
  primary key (venue_id, scanned_at, person_id)
) partition by range (scanned_at);

-- Staging for one import batch: COPY lands here, set-based SQL moves the rows on.
create unlogged table venue_scan_staging (
  import_id           uuid not null,
  line                int not null,
  venue_id            uuid not null,
  scanned_at          timestamptz not null,
  person_id           uuid not null
);
create index venue_scan_staging_import on venue_scan_staging (import_id);

-- Co-presence candidates of an investigation: persons scanned at a venue of the case's trajectory
-- around the visit, for the investigator to confirm (→ contact) or dismiss; never contacts by themselves.
create table copresence_candidate (
  id                  uuid primary key,
  investigation_id    uuid not null references investigation (id),
  entry_id            uuid not null references trajectory_entry (id),
  person_id           uuid not null,
  venue_code          text not null,
  first_scan_at       timestamptz not null,
  last_scan_at        timestamptz not null,
  scans               int not null,
  state               text not null,
  contact_id          uuid,
  decided_by          text,
  decided_at          timestamptz,
  unique (investigation_id, entry_id, person_id)
);
create index copresence_candidate_investigation on copresence_candidate (investigation_id, state);
