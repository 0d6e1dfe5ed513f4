-- The organisation directory (单位名录): one row per organisation by its unified social credit code
-- (GB 32100). jurisdiction_path is its 属地 division's materialised path; path is the organisation's own
-- scope, the division's path followed by the credit code, so that a division's subtree holds its
-- organisations and an organisation's contact can be scoped to it alone. Both collated "C" for prefix scans.
create table organisation (
  id                   uuid          primary key,
  credit_code          varchar(18)   not null unique,
  name                 varchar(100)  not null,
  kind                 varchar(30)   not null,
  sector               varchar(30)   not null,
  jurisdiction_code    varchar(20)   not null,
  jurisdiction_path    text          collate "C" not null,
  district_code        varchar(20),
  path                 text          collate "C" not null,
  address              varchar(200),
  legal_representative varchar(50),
  contact_name         varchar(50),
  contact_phone        varchar(20),
  headcount            int           not null default 0,
  school_level         varchar(20),
  cohorts              text[]        not null default '{}',
  boarding             boolean,
  max_capacity         int,
  religion             varchar(20),
  clergy_count         int,
  retired_at           timestamptz,
  source_import_id     uuid,
  source_line          int,
  created_at           timestamptz   not null,
  updated_at           timestamptz   not null
);
create index organisation_scope on organisation (path);
create index organisation_name on organisation (name collate "C");

-- Organisation contacts (防疫联络员, role UNIT_CONTACT): an entity-bound role, each contact bound to one
-- organisation only (the unique index on the username).
create table organisation_contact (
  credit_code varchar(18)  not null references organisation (credit_code),
  username    varchar(100) not null,
  bound_by    varchar(100) not null,
  bound_at    timestamptz  not null,
  primary key (credit_code, username)
);
create unique index organisation_contact_user on organisation_contact (username);
