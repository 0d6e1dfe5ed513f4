-- Sampling sites and labs are master data their owners keep through pages, the API and the
-- sampling-sites / labs imports: address, contact, capacity per day, coordinates. Retiring keeps
-- the record (tubes, batches and results keep pointing to it) and refuses new work: retired_at set.
-- source_import_id / source_line: the import and line that last wrote a record (a code twice in one
-- file is a row error). A lab's jurisdiction is where it stands; labs stored before have none and
-- count as the whole city's until they are edited.
alter table labtest_site
  add column address          varchar(200),
  add column contact_name     varchar(50),
  add column contact_phone    varchar(30),
  add column capacity_per_day int check (capacity_per_day >= 0),
  add column samplers         int check (samplers >= 0),
  add column opening_hours    varchar(100),
  add column latitude         numeric(8, 6) check (latitude between -90 and 90),
  add column longitude        numeric(9, 6) check (longitude between -180 and 180),
  add column retired_at       timestamptz,
  add column created_at       timestamptz not null default now(),
  add column updated_at       timestamptz not null default now(),
  add column source_import_id uuid,
  add column source_line      int;
create index labtest_site_scope on labtest_site (jurisdiction_path, code);

alter table labtest_lab
  add column jurisdiction_code varchar(20),
  add column jurisdiction_path text collate "C",
  add column address           varchar(200),
  add column contact_name      varchar(50),
  add column contact_phone     varchar(30),
  add column reserve           boolean not null default false,
  add column mobile            boolean not null default false,
  add column latitude          numeric(8, 6) check (latitude between -90 and 90),
  add column longitude         numeric(9, 6) check (longitude between -180 and 180),
  add column retired_at        timestamptz,
  add column created_at        timestamptz not null default now(),
  add column updated_at        timestamptz not null default now(),
  add column source_import_id  uuid,
  add column source_line       int;
create index labtest_lab_scope on labtest_lab (jurisdiction_path, code);
