-- Environment plans: the sites of one kind inside a division are sampled every N days, so many samples a visit
-- (a visit: the samples of a site collected on one day in the city's zone). One plan per kind and division
-- while it is in force; a retired plan stays readable.
create table keygroup_env_plan (
  id                 uuid         primary key,
  site_kind          varchar(20)  not null,
  every_days         int          not null check (every_days > 0),
  samples_per_visit  int          not null check (samples_per_visit > 0),
  jurisdiction_code  varchar(20)  not null,
  jurisdiction_path  text         collate "C" not null,
  jurisdiction_name  varchar(100) not null,
  note               varchar(200),
  retired_at         timestamptz,
  created_at         timestamptz  not null,
  created_by         varchar(50)  not null
);
create unique index keygroup_env_plan_open on keygroup_env_plan (site_kind, jurisdiction_path) where retired_at is null;
create index keygroup_env_plan_path on keygroup_env_plan (jurisdiction_path);

-- the environment samples and results imports: where a sample came from, for the row's line
alter table keygroup_env_sample add column source_import_id uuid;
alter table keygroup_env_sample add column source_line int;

-- a blocked member's organisation and division told once per block: the day the block began, cleared when it ends
alter table keygroup_member add column blocked_notified_at timestamptz;
create index keygroup_member_block_told on keygroup_member (id) where blocked_notified_at is not null;
