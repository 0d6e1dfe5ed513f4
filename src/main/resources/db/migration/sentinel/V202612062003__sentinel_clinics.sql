-- Fever clinics, village clinics (村卫生室) and individual clinics as sentinels: organisations of the
-- directory with their type, the staff bound to them (CLINIC_STAFF), and their patient register —
-- temperature, symptoms, epidemiological history, the tube sampled, the disposition (留观 …) and the
-- result, filled in from the latest test per person when the sampling's result lands.
create table sentinel_clinic (
  credit_code       varchar(18)  collate "C" primary key,
  organisation_id   uuid         not null,
  name              varchar(200) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  clinic_type       varchar(20)  not null,
  registered_at     timestamptz  not null,
  registered_by     varchar(50)  not null
);
create index sentinel_clinic_path on sentinel_clinic (jurisdiction_path);

create table sentinel_clinic_staff (
  credit_code varchar(18) collate "C" not null references sentinel_clinic (credit_code),
  username    varchar(50) not null,
  bound_by    varchar(50) not null,
  bound_at    timestamptz not null,
  primary key (credit_code, username)
);
create index sentinel_clinic_staff_user on sentinel_clinic_staff (username);

create table sentinel_clinic_visit (
  id             uuid          primary key,
  clinic_code    varchar(18)   collate "C" not null references sentinel_clinic (credit_code),
  clinic_path    text          collate "C" not null,
  person_id      uuid          not null,
  patient_name   varchar(50)   not null,
  visited_at     timestamptz   not null,
  temperature    numeric(3, 1),
  symptoms       varchar(500),
  epi_history    varchar(500),
  tube_barcode   varchar(40),
  disposition    varchar(30)   not null,
  result         varchar(8),
  recorded_by    varchar(50)   not null
);
create index sentinel_clinic_visit_clinic on sentinel_clinic_visit (clinic_code, visited_at);
create index sentinel_clinic_visit_pending on sentinel_clinic_visit (person_id) where result is null;
