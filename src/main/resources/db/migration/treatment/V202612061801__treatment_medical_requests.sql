-- Medical-service requests (医疗服务) for people under control: dialysis, delivery, medication, an
-- emergency… Filed by community workers and the hotline, moved on by the medical treatment group.
create table treatment_medical_request (
  id uuid primary key,
  person_id uuid not null,
  person_name varchar(100) not null,
  jurisdiction_code varchar(20) collate "C" not null,
  jurisdiction_path text collate "C" not null,
  need varchar(24) not null,
  urgency varchar(16) not null,
  channel varchar(16) not null,
  phone varchar(40) not null,
  context varchar(500),
  hospital_code varchar(40) collate "C" references treatment_hospital (code),
  vehicle varchar(100),
  status varchar(16) not null,
  requested_at timestamptz not null,
  accepted_at timestamptz,
  dispatched_at timestamptz,
  closed_at timestamptz,
  note varchar(500),
  requested_by varchar(64) not null
);
create index treatment_medical_request_desk on treatment_medical_request (jurisdiction_path, requested_at desc);
