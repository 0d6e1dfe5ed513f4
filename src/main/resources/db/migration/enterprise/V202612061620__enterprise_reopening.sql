-- Organisations and reopening. Every record carries its organisation's path (the organisation
-- directory's scope path: <division path><credit code>/), collated "C", so one scope predicate keeps it
-- inside the caller's jurisdiction — or, for an organisation's contact, inside their organisation.

-- The organisations as this module counts them (fed by OrganisationsChanged; staff figures kept with
-- every ledger change, approved with every decision): the board and completeness read this alone.
create table enterprise_org (
  organisation_id   uuid         primary key,
  credit_code       varchar(18)  not null,
  name              varchar(100) not null,
  kind              varchar(30)  not null,
  sector            varchar(30)  not null,
  jurisdiction_code varchar(20)  not null,
  district_code     varchar(20),
  path              text         collate "C" not null,
  headcount         int          not null default 0,
  cohorts           text[]       not null default '{}',
  max_capacity      int,
  active            boolean      not null,
  approved          boolean      not null default false,
  staff             int          not null default 0,
  on_duty           int          not null default 0,
  on_duty_cleared   int          not null default 0,
  exposed_at        timestamptz,
  updated_at        timestamptz  not null
);
create index enterprise_org_path on enterprise_org (path);

-- The 返岗 staff ledger: the document and name as the organisation typed them; person_id links the row
-- to the registry for the platform's own work (never shown), under_quarantine is kept from the
-- quarantine events (cleared = not under an open order).
create table enterprise_staff (
  id                uuid         primary key,
  organisation_id   uuid         not null,
  organisation_path text         collate "C" not null,
  name              varchar(50)  not null,
  id_type           varchar(30)  not null,
  id_number         varchar(40)  not null,
  phone             varchar(20),
  post              varchar(50),
  key_post          boolean      not null default false,
  returned_from     varchar(100),
  returned_on       date,
  travel_note       varchar(500),
  health            varchar(10)  not null default 'NORMAL',
  on_duty           boolean      not null default false,
  person_id         uuid,
  under_quarantine  boolean      not null default false,
  exposed_at        timestamptz,
  source_import_id  uuid,
  source_line       int,
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  unique (organisation_id, id_type, id_number)
);
create index enterprise_staff_person on enterprise_staff (person_id) where person_id is not null;
create index enterprise_staff_document on enterprise_staff (id_type, id_number) where person_id is null;

create table resumption_gate (
  id                      uuid         primary key,
  name                    varchar(100) not null,
  kind                    varchar(30),
  sector                  varchar(30),
  jurisdiction_code       varchar(20)  not null,
  jurisdiction_path       text         collate "C" not null,
  cohort                  varchar(20),
  not_before              date         not null,
  exceptions              text[]       not null default '{}',
  exception_organisations text[]       not null default '{}',
  note                    varchar(500),
  retired_at              timestamptz,
  created_by              varchar(100) not null,
  created_at              timestamptz  not null
);

create table resumption_application (
  id                uuid          primary key,
  organisation_id   uuid          not null,
  credit_code       varchar(18)   not null,
  organisation_name varchar(100)  not null,
  organisation_kind varchar(30)   not null,
  sector            varchar(30)   not null,
  jurisdiction_code varchar(20)   not null,
  district_code     varchar(20),
  organisation_path text          collate "C" not null,
  kind              varchar(30)   not null,
  cohort            varchar(20),
  planned_date      date          not null,
  exception         varchar(20),
  exception_applied varchar(20),
  gate_id           uuid,
  gate_not_before   date,
  template_id       uuid          not null,
  state             varchar(20)   not null,
  reason            varchar(1000),
  masks             int           not null default 0,
  thermometers      int           not null default 0,
  disinfectant      numeric(10,1) not null default 0,
  isolation_room    boolean       not null default false,
  review_due        date,
  inspection_due    date,
  overdue_notified  varchar(20),
  submitted_at      timestamptz,
  decided_at        timestamptz,
  created_by        varchar(100)  not null,
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null
);
-- one application per organisation, kind and cohort: a rejected one goes back to draft, a suspended one
-- to re-inspection
create unique index resumption_application_one on resumption_application (organisation_id, kind, coalesce(cohort, ''));
create index resumption_application_scope on resumption_application (organisation_path, state);
create index resumption_application_due on resumption_application (state, review_due, inspection_due)
  where state in ('SUBMITTED', 'MATERIAL_REVIEW', 'SITE_INSPECTION');

create table resumption_history (
  id             bigserial     primary key,
  application_id uuid          not null references resumption_application (id),
  action         varchar(30)   not null,
  from_state     varchar(20),
  to_state       varchar(20)   not null,
  username       varchar(100)  not null,
  note           varchar(1000),
  at             timestamptz   not null
);
create index resumption_history_application on resumption_history (application_id, id);

create table resumption_sign_off (
  application_id uuid          not null references resumption_application (id),
  position       varchar(50)   not null,
  name           varchar(50)   not null,
  signed_at      timestamptz   not null,
  recorded_by    varchar(100)  not null,
  primary key (application_id, position)
);

-- Documents live in the evidence store on disk, named by their id; the client's file name is shown only.
create table resumption_document (
  id             uuid          primary key,
  application_id uuid          not null references resumption_application (id),
  kind           varchar(20)   not null,
  file_name      varchar(200)  not null,
  content_type   varchar(30)   not null,
  size_bytes     bigint        not null,
  sha256         char(64)      not null,
  uploaded_by    varchar(100)  not null,
  uploaded_at    timestamptz   not null
);
create index resumption_document_application on resumption_document (application_id, uploaded_at);

-- Daily health reports (晨午检): one per organisation and day, its status decided by the time of filing.
create table organisation_daily_health (
  organisation_id   uuid          not null,
  day               date          not null,
  organisation_path text          collate "C" not null,
  present           int           not null,
  fever             int           not null,
  absent_sick       int           not null,
  under_quarantine  int           not null,
  visitors          int,
  zero              boolean       not null,
  status            varchar(10)   not null,
  submitted_by      varchar(100)  not null,
  submitted_at      timestamptz   not null,
  primary key (organisation_id, day)
);
create index organisation_daily_health_day on organisation_daily_health (day, organisation_path);

-- A case or contact found on a ledger: once per staff member and source.
create table organisation_exposure (
  id              uuid          primary key,
  organisation_id uuid          not null,
  staff_id        uuid          not null references enterprise_staff (id),
  source          varchar(10)   not null,
  source_id       varchar(40)   not null,
  at              timestamptz   not null,
  unique (staff_id, source, source_id)
);
create index organisation_exposure_organisation on organisation_exposure (organisation_id, at desc);

-- Sector departments' reviewers (SECTOR_REVIEWER), an entity-bound role keyed by the sector.
create table resumption_sector_reviewer (
  sector   varchar(30)  not null,
  username varchar(100) not null,
  bound_by varchar(100) not null,
  bound_at timestamptz  not null,
  primary key (sector, username)
);
create index resumption_sector_reviewer_user on resumption_sector_reviewer (username, sector);
