-- Investigations (DOMAIN.md §5): one per case, assigned to an investigator, with the core
-- information (4 h) and full report (24 h) deadlines from the case report and the look-back window.
create table investigation (
  id                  uuid primary key,
  case_id             uuid not null unique,
  case_person_id      uuid not null,
  case_label          text not null,
  jurisdiction_code   text not null,
  jurisdiction_path   text collate "C" not null,
  classification      text not null,
  onset_date          date,
  sampling_date       date,
  case_reported_at    timestamptz not null,
  investigator        text,
  state               text not null,
  core_due_at         timestamptz not null,
  report_due_at       timestamptz not null,
  core_done_at        timestamptz,
  completed_at        timestamptz,
  reviewed_at         timestamptz,
  reviewed_by         text,
  created_at          timestamptz not null,
  created_by          text not null
);
create index investigation_scope on investigation (jurisdiction_path, case_reported_at desc);
create index investigation_mine on investigation (investigator, report_due_at) where state <> 'REVIEWED';
create index investigation_core_due on investigation (core_due_at) where state = 'ASSIGNED';
create index investigation_report_due on investigation (report_due_at) where state in ('ASSIGNED', 'CORE_DONE');

-- The case's places with from/to instants (a venue code, or a free place and address).
create table trajectory_entry (
  id                  uuid primary key,
  investigation_id    uuid not null references investigation (id),
  venue_code          text,
  place               text,
  address             text,
  jurisdiction_code   text,
  from_at             timestamptz not null,
  to_at               timestamptz,
  activity            text,
  transport_mode      text,
  transport_number    text,
  seat                text,
  created_at          timestamptz not null,
  created_by          text not null
);
create index trajectory_entry_investigation on trajectory_entry (investigation_id, from_at);

-- Contacts of a case: category, type, route, tracking state and outcome. jurisdiction_path is the
-- contact person's home (community workers find them there); the case's path is on the investigation.
create table contact (
  id                  uuid primary key,
  case_id             uuid not null,
  investigation_id    uuid not null references investigation (id),
  person_id           uuid not null,
  person_name         text not null,
  jurisdiction_code   text not null,
  jurisdiction_path   text collate "C" not null,
  category            text not null,
  contact_type        text not null,
  discovery_route     text not null,
  last_exposure_date  date not null,
  source_contact_id   uuid references contact (id),
  tracking_state      text not null,
  outcome             text,
  case_reported_at    timestamptz not null,
  identified_at       timestamptz not null,
  located_at          timestamptz,
  under_control_at    timestamptz,
  order_id            uuid,
  note                text,
  created_by          text not null,
  unique (case_id, person_id)
);
create index contact_case on contact (case_id, identified_at);
create index contact_scope on contact (jurisdiction_path, identified_at desc);
create index contact_to_locate on contact (jurisdiction_path, identified_at) where tracking_state = 'IDENTIFIED';
create index contact_person on contact (person_id) where outcome is null;
