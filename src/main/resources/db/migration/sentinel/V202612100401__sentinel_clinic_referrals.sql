-- Patients expected at the fever clinics (sentinel.md: ScreeningFindingRaised, FEVER → referral): one per FEVER
-- finding about a registered person (finding_id unique: the same finding twice is one referral), to the nearest
-- fever clinic of the person's district (clinic_code null: no fever clinic there, listed for the division's staff).
-- OPEN → ARRIVED (the patient's visit, visit_id) | NOT_ARRIVED (the clinic's reason).
create table sentinel_clinic_referral (
  id           uuid         primary key,
  finding_id   uuid         not null unique,
  person_id    uuid         not null,
  patient_name varchar(50)  not null,
  from_code    varchar(20)  not null,
  from_path    text         collate "C" not null,
  address      varchar(200),
  clinic_code  varchar(18)  collate "C" references sentinel_clinic (credit_code),
  referred_at  timestamptz  not null,
  state        varchar(12)  not null,
  visit_id     uuid,
  closed_at    timestamptz,
  closed_by    varchar(50),
  reason       varchar(500)
);
create index sentinel_clinic_referral_clinic on sentinel_clinic_referral (clinic_code, referred_at)
  where state = 'OPEN';
create index sentinel_clinic_referral_person on sentinel_clinic_referral (person_id) where state = 'OPEN';
create index sentinel_clinic_referral_unassigned on sentinel_clinic_referral (from_path)
  where state = 'OPEN' and clinic_code is null;
