-- Medical treatment (医疗救治, 四个集中): hospitals as master data, bed counts by type, admissions
-- (occupancy is derived from the open ones, never typed), expert teams and their assignment to severe
-- and critical cases with the clock that raises an alert, and the hospital operators bound to hospitals.
create table treatment_hospital (
  code varchar(40) collate "C" primary key,
  name varchar(200) not null,
  kind varchar(32) not null,
  jurisdiction_code varchar(20) collate "C" not null,
  jurisdiction_path text collate "C" not null,
  status varchar(16) not null,
  activation_lead_hours integer not null,
  address varchar(300),
  phone varchar(40),
  status_changed_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  source_import_id uuid,
  source_line integer
);
create index treatment_hospital_scope on treatment_hospital (jurisdiction_path, code);

create table treatment_bed (
  hospital_code varchar(40) collate "C" not null references treatment_hospital (code),
  bed_type varchar(24) not null,
  total integer not null check (total >= 0),
  out_of_service integer not null check (out_of_service >= 0 and out_of_service <= total),
  updated_at timestamptz not null,
  primary key (hospital_code, bed_type)
);

create table treatment_admission (
  id uuid primary key,
  case_id uuid not null,
  hospital_code varchar(40) collate "C" not null references treatment_hospital (code),
  bed_type varchar(24) not null,
  status varchar(16) not null,
  admitted_at timestamptz not null,
  transferred_from uuid references treatment_admission (id),
  left_at timestamptz,
  placement_reason varchar(500),
  admitted_by varchar(64) not null
);
-- one open admission per case; occupancy counts the open ones by hospital and bed type
create unique index treatment_admission_open_case on treatment_admission (case_id) where left_at is null;
create index treatment_admission_open on treatment_admission (hospital_code, bed_type) where left_at is null;
create index treatment_admission_case on treatment_admission (case_id, admitted_at);

create table treatment_expert_team (
  id uuid primary key,
  name varchar(200) not null,
  jurisdiction_code varchar(20) collate "C" not null,
  jurisdiction_path text collate "C" not null,
  members jsonb not null,
  created_at timestamptz not null
);
create unique index treatment_expert_team_name on treatment_expert_team (jurisdiction_code, name);

-- severe and critical cases: when the need started, which team took them, and whether the alert went out
create table treatment_case_expert (
  case_id uuid primary key,
  jurisdiction_code varchar(20) collate "C" not null,
  jurisdiction_path text collate "C" not null,
  severity varchar(16) not null,
  needed_since timestamptz not null,
  team_id uuid references treatment_expert_team (id),
  lead_expert varchar(100),
  assigned_at timestamptz,
  assigned_by varchar(64),
  alerted_at timestamptz
);
create index treatment_case_expert_waiting on treatment_case_expert (needed_since) where team_id is null;

create table treatment_hospital_staff (
  hospital_code varchar(40) collate "C" not null references treatment_hospital (code),
  username varchar(64) not null,
  bound_by varchar(64) not null,
  bound_at timestamptz not null,
  primary key (hospital_code, username)
);
create index treatment_hospital_staff_user on treatment_hospital_staff (username, hospital_code);
