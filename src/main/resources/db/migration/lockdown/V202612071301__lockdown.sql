-- Sealed and controlled areas (封控区/管控区): an area is declared on a division (optionally some of
-- its buildings), activated and lifted; its posts are staffed by shifts of the manpower pool; its
-- households ask for services and get outing passes checked at the posts. Every row carries the
-- materialised path of the area's division, so that scope is one predicate.
create table lockdown_area (
  id                uuid          primary key,
  name              varchar(100)  not null,
  kind              varchar(12)   not null,
  state             varchar(10)   not null,
  risk_area_id      uuid,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  buildings         varchar(400),
  starts_at         timestamptz   not null,
  ends_at           timestamptz,
  note              varchar(500),
  created_at        timestamptz   not null,
  created_by        varchar(50)   not null,
  activated_at      timestamptz,
  closed_at         timestamptz,
  close_reason      varchar(200)
);
create index lockdown_area_path on lockdown_area (jurisdiction_path);
create index lockdown_area_risk on lockdown_area (risk_area_id);

create table lockdown_worker (
  id                uuid          primary key,
  name              varchar(50)   not null,
  phone             varchar(20)   not null,
  source            varchar(20)   not null,
  home_unit         varchar(100),
  skills            varchar(200),
  available_from    date          not null,
  available_to      date,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  state             varchar(10)   not null,
  created_at        timestamptz   not null,
  created_by        varchar(50)   not null
);
create unique index lockdown_worker_phone on lockdown_worker (phone) where state = 'ACTIVE';
create index lockdown_worker_path on lockdown_worker (jurisdiction_path);

create table lockdown_post (
  id                uuid          primary key,
  area_id           uuid          not null references lockdown_area (id),
  kind              varchar(20)   not null,
  name              varchar(100)  not null,
  state             varchar(10)   not null,
  jurisdiction_path text          collate "C" not null,
  created_at        timestamptz   not null,
  ended_at          timestamptz
);
create index lockdown_post_area on lockdown_post (area_id);

create table lockdown_shift (
  id                uuid          primary key,
  post_id           uuid          not null references lockdown_post (id),
  area_id           uuid          not null references lockdown_area (id),
  worker_id         uuid          not null references lockdown_worker (id),
  starts_at         timestamptz   not null,
  ends_at           timestamptz   not null,
  state             varchar(10)   not null,
  checked_in_at     timestamptz,
  jurisdiction_path text          collate "C" not null,
  created_at        timestamptz   not null,
  created_by        varchar(50)   not null
);
create index lockdown_shift_post on lockdown_shift (post_id, starts_at);
create index lockdown_shift_worker on lockdown_shift (worker_id, starts_at);

create table lockdown_request (
  id                  uuid          primary key,
  area_id             uuid          not null references lockdown_area (id),
  household_id        uuid          not null,
  address             varchar(200)  not null,
  need                varchar(12)   not null,
  detail              varchar(500),
  phone               varchar(20),
  state               varchar(10)   not null,
  requested_at        timestamptz   not null,
  due_at              timestamptz   not null,
  requested_by        varchar(50)   not null,
  assignee            varchar(50),
  assigned_at         timestamptz,
  closed_at           timestamptz,
  close_note          varchar(500),
  overdue_notified_at timestamptz,
  jurisdiction_code   varchar(20)   not null,
  jurisdiction_path   text          collate "C" not null
);
create index lockdown_request_area on lockdown_request (area_id, state);
create index lockdown_request_due on lockdown_request (due_at) where state in ('REQUESTED', 'ASSIGNED');

create table lockdown_pass (
  id                uuid          primary key,
  number            varchar(20)   not null unique,
  area_id           uuid          not null references lockdown_area (id),
  household_id      uuid          not null,
  address           varchar(200)  not null,
  purpose           varchar(12)   not null,
  valid_from        date          not null,
  valid_to          date          not null,
  outings           int           not null,
  used              int           not null default 0,
  state             varchar(10)   not null,
  jurisdiction_path text          collate "C" not null,
  issued_at         timestamptz   not null,
  issued_by         varchar(50)   not null
);
create index lockdown_pass_household on lockdown_pass (household_id);

-- the gate log: every check at a post and every outing let through
create table lockdown_pass_check (
  id         uuid         primary key,
  pass_id    uuid         references lockdown_pass (id),
  post_id    uuid         references lockdown_post (id),
  number     varchar(40)  not null,
  result     varchar(10)  not null,
  outing     boolean      not null,
  checked_at timestamptz  not null,
  checked_by varchar(50)  not null
);
create index lockdown_pass_check_pass on lockdown_pass_check (pass_id, checked_at);
