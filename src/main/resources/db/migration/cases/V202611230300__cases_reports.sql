-- Case reports (DOMAIN.md §4). The person's name, document number and household are copied at
-- report time so that lists, exports and chains need no cross-module join.
create table case_report (
  id                   uuid primary key,
  person_id            uuid not null unique,
  person_name          text not null,
  id_number            text,
  household_id         uuid,
  age                  integer,
  jurisdiction_code    text not null,
  jurisdiction_path    text collate "C" not null,
  classification       text not null,
  severity             text,
  imported             boolean not null default false,
  discovery_route      text,
  onset_date           date,
  sampling_date        date,
  diagnosed_at         timestamptz,
  reported_at          timestamptz not null,
  direct_reported_at   timestamptz,
  outcome              text,
  hospital             text,
  outcome_at           timestamptz,
  home_monitoring_until date,
  re_positive_count    integer not null default 0,
  excluded_at          timestamptz,
  created_by           text
);

-- the case list of a scope, newest first (walked newest first, filtered by path); the same by
-- classification; reading or counting a small subtree (a community) by path
create index case_report_reported on case_report (reported_at desc, id);
create index case_report_classification on case_report (classification, reported_at desc, id);
create index case_report_scope on case_report (jurisdiction_path, classification, reported_at desc);
-- the overdue direct reports: diagnosed, not yet reported
create index case_report_direct_due on case_report (diagnosed_at) where direct_reported_at is null;

-- Every change of classification or outcome, re-positives and the direct report: when, who, why.
create table case_event (
  id             bigserial primary key,
  case_id        uuid not null references case_report (id),
  at             timestamptz not null,
  kind           text not null,
  from_value     text,
  to_value       text,
  reason         text,
  username       text,
  conversion     boolean not null default false
);
create index case_event_case on case_event (case_id, at);

-- Nucleic-acid tests recorded on the case (for the discharge rule and re-positives).
create table case_test (
  id             uuid primary key,
  case_id        uuid not null references case_report (id),
  sampled_at     timestamptz not null,
  result         text not null,
  ct_orf1ab      numeric(5, 2),
  ct_n           numeric(5, 2),
  recorded_by    text,
  recorded_at    timestamptz not null
);
create index case_test_case on case_test (case_id, sampled_at);
