-- Medical staff deployments (医疗队/医护人员调配): a number of staff of one kind sent from a source hospital
-- (or a named team from elsewhere) to a target hospital for a period, moving PLANNED → DEPLOYED → RETURNED
-- or PLANNED → CANCELLED. Kept in the target hospital's jurisdiction.
create table treatment_staff_deployment (
  id uuid primary key,
  staff_kind varchar(24) not null,
  headcount integer not null check (headcount > 0),
  source_hospital_code varchar(40) collate "C" references treatment_hospital (code),
  source_team varchar(200),
  target_hospital_code varchar(40) collate "C" not null references treatment_hospital (code),
  jurisdiction_path text collate "C" not null,
  starts_on date not null,
  ends_on date,
  status varchar(16) not null,
  note varchar(500),
  created_by varchar(64) not null,
  created_at timestamptz not null,
  deployed_at timestamptz,
  returned_at timestamptz,
  cancelled_at timestamptz,
  check (source_hospital_code is not null or source_team is not null)
);
create index treatment_staff_deployment_target on treatment_staff_deployment (target_hospital_code, status);
create index treatment_staff_deployment_scope on treatment_staff_deployment (jurisdiction_path, starts_on desc);
