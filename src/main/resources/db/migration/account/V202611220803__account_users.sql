create table account_user (
  id                uuid         primary key,
  username          varchar(64)  not null unique,
  display_name      varchar(100),
  password_hash     varchar(200) not null,
  roles             text[]       not null,
  jurisdiction_code varchar(20)  not null,
  enabled           boolean      not null default true,
  failed_attempts   int          not null default 0,
  locked_until      timestamptz,
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null
);
