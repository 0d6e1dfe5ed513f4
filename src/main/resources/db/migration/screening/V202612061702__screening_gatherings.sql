-- Gatherings (群众性活动、家庭聚集 报备) and the policy in force per kind, division and period, kept
-- as data (e.g. 2021 winter: 喜事缓办、丧事简办、宴请不办); rural market days per township.
create table gathering_policy (
  id                uuid         primary key,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  kind              varchar(20)  not null,
  rule              varchar(20)  not null,
  report_above      int,
  valid_from        date         not null,
  valid_to          date,
  note              varchar(200),
  created_at        timestamptz  not null,
  created_by        varchar(50)  not null
);
create index gathering_policy_kind on gathering_policy (kind, valid_from);

create table gathering_report (
  id                 uuid         primary key,
  kind               varchar(20)  not null,
  organiser_name     varchar(50)  not null,
  organiser_person_id uuid,
  organiser_phone    varchar(24),
  place              varchar(200) not null,
  jurisdiction_code  varchar(20)  not null,
  jurisdiction_path  text         collate "C" not null,
  held_on            date         not null,
  attendees          int          not null,
  measures           varchar(500),
  state              varchar(20)  not null,
  rule               varchar(20)  not null,
  policy_id          uuid         references gathering_policy (id),
  decision_note      varchar(500),
  actual_attendees   int,
  reported_at        timestamptz  not null,
  reported_by        varchar(50)  not null,
  updated_at         timestamptz  not null
);
create index gathering_report_scope on gathering_report (jurisdiction_path, held_on);

create table gathering_follow_up (
  gathering_id uuid         not null references gathering_report (id),
  at           timestamptz  not null,
  by_user      varchar(50)  not null,
  note         varchar(500) not null
);
create index gathering_follow_up_of on gathering_follow_up (gathering_id, at);

create table market_day (
  id                uuid         primary key,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  name              varchar(100) not null,
  schedule          varchar(100) not null,
  status            varchar(20)  not null,
  hours             varchar(50),
  note              varchar(200),
  updated_at        timestamptz  not null,
  updated_by        varchar(50)  not null,
  constraint market_day_name unique (jurisdiction_code, name)
);
create index market_day_scope on market_day (jurisdiction_path);
