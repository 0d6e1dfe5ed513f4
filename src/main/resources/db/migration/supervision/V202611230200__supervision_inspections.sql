-- Supervision (督查督导): inspection plans (one theme per day), their teams and unannounced visits,
-- problem items with their history and photos, accountability records and good practices.
-- unit_path is the materialised jurisdiction path of the unit (JurisdictionScope), collated "C".
create table inspection_plan (
  id          uuid         primary key,
  plan_date   date         not null unique,
  theme       varchar(200) not null,
  created_by  varchar(100) not null,
  created_at  timestamptz  not null
);

create table inspection_team_member (
  plan_id  uuid         not null references inspection_plan (id),
  username varchar(100) not null,
  primary key (plan_id, username)
);

create table inspection_visit (
  id           uuid          primary key,
  plan_id      uuid          not null references inspection_plan (id),
  unit_code    varchar(20)   not null,
  unit_name    varchar(100)  not null,
  unit_path    text          collate "C" not null,
  planned_at   timestamptz   not null,
  state        varchar(20)   not null,
  started_at   timestamptz,
  completed_at timestamptz,
  summary      varchar(2000),
  created_at   timestamptz   not null
);
create index inspection_visit_plan on inspection_visit (plan_id, planned_at);
create index inspection_visit_unit on inspection_visit (unit_path, planned_at desc);

create table problem_item (
  id                  uuid          primary key,
  visit_id            uuid          references inspection_visit (id),
  category            varchar(30)   not null,
  severity            varchar(10)   not null,
  description         varchar(2000) not null,
  unit_code           varchar(20)   not null,
  unit_name           varchar(100)  not null,
  unit_path           text          collate "C" not null,
  deadline            date,
  state               varchar(20)   not null,
  round               int           not null default 0,
  rejections          int           not null default 0,
  fixed_on_spot       boolean       not null default false,
  found_by            varchar(100)  not null,
  found_at            timestamptz   not null,
  assigned_at         timestamptz,
  verified_at         timestamptz,
  closed_at           timestamptz,
  overdue_notified_at timestamptz,
  updated_at          timestamptz   not null
);
create index problem_item_unit on problem_item (unit_path, found_at desc);
create index problem_item_state_deadline on problem_item (state, deadline);
create index problem_item_visit on problem_item (visit_id);

create table problem_history (
  id          bigserial     primary key,
  problem_id  uuid          not null references problem_item (id),
  action      varchar(30)   not null,
  from_state  varchar(20),
  to_state    varchar(20)   not null,
  username    varchar(100)  not null,
  note        varchar(2000),
  at          timestamptz   not null
);
create index problem_history_problem on problem_history (problem_id, id);

-- Photos live on disk outside the web root, named by their id; the client's file name is never kept.
create table problem_photo (
  id           uuid         primary key,
  problem_id   uuid         not null references problem_item (id),
  kind         varchar(10)  not null,
  round        int          not null,
  content_type varchar(20)  not null,
  size_bytes   bigint       not null,
  sha256       char(64)     not null,
  uploaded_by  varchar(100) not null,
  uploaded_at  timestamptz  not null
);
create index problem_photo_problem on problem_photo (problem_id, uploaded_at);

create table accountability_record (
  id              uuid          primary key,
  kind            varchar(20)   not null,
  problem_id      uuid          references problem_item (id),
  unit_code       varchar(20)   not null,
  unit_name       varchar(100)  not null,
  unit_path       text          collate "C" not null,
  person_name     varchar(50),
  person_position varchar(100),
  reason          varchar(2000) not null,
  decided_on      date          not null,
  recorded_by     varchar(100)  not null,
  recorded_at     timestamptz   not null
);
create index accountability_kind_date on accountability_record (kind, decided_on desc);
create index accountability_unit on accountability_record (unit_path);

create table good_practice (
  id          uuid          primary key,
  unit_code   varchar(20)   not null,
  unit_name   varchar(100)  not null,
  title       varchar(200)  not null,
  description varchar(2000) not null,
  recorded_by varchar(100)  not null,
  recorded_at timestamptz   not null
);
create index good_practice_recorded on good_practice (recorded_at desc);
