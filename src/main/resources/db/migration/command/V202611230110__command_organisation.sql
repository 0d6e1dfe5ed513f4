-- The command organisation (DOMAIN.md §14): member units, who belongs to them, the leadership group,
-- the response level with its history and the 24-hour duty roster.
create table command_unit (
  code              varchar(40)  primary key,
  name              varchar(100) not null,
  kind              varchar(20)  not null,
  jurisdiction_code varchar(20),
  reporting         boolean      not null default false,
  sort_order        int          not null default 0,
  created_at        timestamptz  not null
);
create index command_unit_reporting on command_unit (sort_order, code) where reporting;

create table command_unit_member (
  unit_code varchar(40) not null references command_unit (code),
  username  varchar(64) not null,
  primary key (unit_code, username)
);
create index command_unit_member_user on command_unit_member (username);

create table command_leader (
  id         uuid         primary key,
  name       varchar(50)  not null,
  position   varchar(10)  not null,
  title      varchar(100),
  sort_order int          not null default 0
);

create table command_response_level (
  id         uuid         primary key,
  level      varchar(3)   not null,
  reason     varchar(500) not null,
  changed_by varchar(64)  not null,
  changed_at timestamptz  not null
);
create index command_response_level_latest on command_response_level (changed_at desc);

create table command_duty (
  unit_code varchar(40)  not null references command_unit (code),
  duty_date date         not null,
  leader    varchar(50)  not null,
  staff     varchar(50)  not null,
  phone     varchar(30)  not null,
  primary key (unit_code, duty_date)
);
create index command_duty_date on command_duty (duty_date);
