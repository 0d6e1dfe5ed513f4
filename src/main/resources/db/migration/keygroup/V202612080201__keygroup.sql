-- Key groups (重点人群) with their occupational test schedules as versioned data, their members kept by
-- organisation, and each open membership's schedule state derived set-based from the latest test per
-- person; environmental monitoring: sites, samples (barcode namespace E) and the follow-up of a positive.
create table keygroup_group (
  code        varchar(40)  collate "C" primary key,
  name        varchar(100) not null,
  created_at  timestamptz  not null,
  created_by  varchar(50)  not null
);

-- One row per schedule edition of a group: a new edition supersedes the one before from its date,
-- none is ever edited. every_days for "every N days"; per_week with min_interval_h for "k samplings in
-- the ISO week, at least h hours apart". blocks_days: no negative within that many days blocks duty.
create table keygroup_schedule (
  group_code           varchar(40) collate "C" not null references keygroup_group (code),
  version              int         not null,
  effective_from       date        not null,
  every_days           int,
  per_week             int,
  min_interval_h       int,
  blocks_days          int,
  single_tube_required boolean     not null,
  closed_loop          boolean     not null,
  vaccination_expected boolean     not null,
  note                 varchar(200),
  created_at           timestamptz not null,
  created_by           varchar(50) not null,
  primary key (group_code, version),
  check ((every_days is not null and every_days > 0 and per_week is null)
      or (per_week is not null and per_week > 0 and every_days is null))
);

-- A membership: scoped by its organisation's path. The schedule columns are derived: the samplings seen
-- (last, last negative, the counted samplings of the ISO week week_start and of the week before), the
-- state and the day the next sampling is due, kept by one statement per batch of results and a daily sweep.
create table keygroup_member (
  id                uuid         primary key,
  group_code        varchar(40)  collate "C" not null references keygroup_group (code),
  person_id         uuid         not null,
  person_name       varchar(50)  not null,
  organisation_id   uuid         not null,
  organisation_code varchar(18)  collate "C" not null,
  organisation_name varchar(200) not null,
  jurisdiction_path text         collate "C" not null,
  post              varchar(50),
  from_date         date         not null,
  to_date           date,
  closed_loop       boolean      not null default false,
  retired_at        timestamptz,
  source_import_id  uuid,
  source_line       int,
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  last_sampled_at   timestamptz,
  last_negative_at  timestamptz,
  week_start        date,
  week_count        int          not null default 0,
  week_last_at      timestamptz,
  prev_week_count   int          not null default 0,
  state             varchar(20)  not null default 'NEVER_TESTED',
  next_due          date
);
create unique index keygroup_member_open on keygroup_member (group_code, person_id) where retired_at is null;
create index keygroup_member_person on keygroup_member (person_id) where retired_at is null;
-- the due and overdue lists: the state first, so that a district's overdue members are one range
create index keygroup_member_state on keygroup_member (state, jurisdiction_path, next_due) where retired_at is null;
create index keygroup_member_group on keygroup_member (group_code, jurisdiction_path);

create table keygroup_env_site (
  id                uuid         primary key,
  name              varchar(100) not null,
  kind              varchar(20)  not null,
  organisation_code varchar(18)  collate "C",
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  retired_at        timestamptz,
  created_at        timestamptz  not null,
  created_by        varchar(50)  not null
);
create index keygroup_env_site_path on keygroup_env_site (jurisdiction_path);

create table keygroup_env_sample (
  id                uuid         primary key,
  barcode           varchar(30)  collate "C" not null unique,
  site_id           uuid         not null references keygroup_env_site (id),
  jurisdiction_path text         collate "C" not null,
  matrix            varchar(20)  not null,
  goods_batch       varchar(100),
  collected_at      timestamptz  not null,
  result            varchar(10),
  ct_orf1ab         numeric(4,1),
  ct_n              numeric(4,1),
  resulted_at       timestamptz,
  recorded_by       varchar(50)  not null,
  created_at        timestamptz  not null
);
create index keygroup_env_sample_site on keygroup_env_sample (site_id, collected_at);
create index keygroup_env_sample_path on keygroup_env_sample (jurisdiction_path, collected_at);

-- The follow-up of a positive environmental sample: site closed, disinfected, exposed persons traced,
-- closed only after a negative re-sample of the site collected after the disinfection.
create table keygroup_env_followup (
  id                uuid         primary key,
  sample_id         uuid         not null unique references keygroup_env_sample (id),
  site_id           uuid         not null references keygroup_env_site (id),
  jurisdiction_path text         collate "C" not null,
  state             varchar(20)  not null,
  opened_at         timestamptz  not null,
  site_closed_at    timestamptz,
  disinfected_at    timestamptz,
  traced_persons    int,
  closed_at         timestamptz,
  note              varchar(500),
  updated_at        timestamptz  not null
);
create index keygroup_env_followup_path on keygroup_env_followup (jurisdiction_path, opened_at) where state <> 'CLOSED';
