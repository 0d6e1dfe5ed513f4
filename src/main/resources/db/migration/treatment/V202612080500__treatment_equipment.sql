-- Life-support equipment per hospital (ventilators, ECMO, high-flow oxygen, oxygen concentrators): the
-- number on hand and the number in use, reported like beds.
create table treatment_equipment (
  hospital_code varchar(40) collate "C" not null references treatment_hospital (code),
  equipment_type varchar(24) not null,
  total integer not null check (total >= 0),
  in_use integer not null check (in_use >= 0 and in_use <= total),
  updated_at timestamptz not null,
  primary key (hospital_code, equipment_type)
);
