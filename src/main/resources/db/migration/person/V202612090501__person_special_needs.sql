-- The special-needs ledger (重点人群台账), kept with the registry: one register of vulnerable people per community — dialysis,
-- chemotherapy, pregnancy (with the due date), chronic medication, disability, elderly living alone,
-- mental health — with their care provider and phone. It replaces the register a sealed area kept on
-- its own (lockdown_vulnerable): those entries move here, keeping their ids, households and the area
-- whose staff registered them, and the person of the registry when the household has one of that name.
create table special_needs_person (
  id                uuid          primary key,
  person_id         uuid,
  name              varchar(50)   not null,
  household_id      uuid,
  address           varchar(200),
  need              varchar(20)   not null,
  due_date          date,
  care_provider     varchar(200),
  phone             varchar(20),
  note              varchar(500),
  state             varchar(10)   not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  area_id           uuid,
  created_at        timestamptz   not null,
  created_by        varchar(64)   not null,
  removed_at        timestamptz
);
create index special_needs_person_path on special_needs_person (jurisdiction_path, state);
create index special_needs_person_person on special_needs_person (person_id) where state = 'ACTIVE';
create index special_needs_person_household on special_needs_person (household_id) where state = 'ACTIVE';
create index special_needs_person_area on special_needs_person (area_id, state);

insert into special_needs_person (id, person_id, name, household_id, address, need, phone, note, state,
  jurisdiction_code, jurisdiction_path, area_id, created_at, created_by, removed_at)
select v.id, (select p.id from person p where p.household_id = v.household_id and p.name = v.name order by p.id
    limit 1), v.name, v.household_id, v.address, v.category, v.phone, v.note, v.state, v.jurisdiction_code,
  v.jurisdiction_path, v.area_id, v.created_at, v.created_by, v.removed_at
from lockdown_vulnerable v;

drop table lockdown_vulnerable;
