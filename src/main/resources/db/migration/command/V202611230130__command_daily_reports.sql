-- Daily reports and zero reporting (日报、零报告, DOMAIN.md §14).
create table command_report_template (
  id               uuid         primary key,
  name             varchar(100) not null unique,
  fields           jsonb        not null,
  deadline_minutes int          not null check (deadline_minutes between 0 and 1440),
  is_default       boolean      not null default false,
  created_at       timestamptz  not null
);
create unique index command_report_template_one_default on command_report_template (is_default) where is_default;

create table command_daily_report (
  id           uuid         primary key,
  template_id  uuid         not null references command_report_template (id),
  unit_code    varchar(40)  not null references command_unit (code),
  report_date  date         not null,
  zero         boolean      not null,
  values       jsonb        not null,
  status       varchar(10)  not null,
  submitted_by varchar(64)  not null,
  submitted_at timestamptz  not null,
  corrected_by varchar(64),
  corrected_at timestamptz,
  -- one report per unit, template and day: the completeness matrix reads this index by day
  constraint command_daily_report_once unique (template_id, report_date, unit_code)
);

-- reminders and escalations already sent, so each goes out once
create table command_report_alert (
  template_id uuid        not null,
  report_date date        not null,
  unit_code   varchar(40) not null,
  kind        varchar(10) not null,
  sent_at     timestamptz not null,
  primary key (template_id, report_date, unit_code, kind)
);

-- The platform's default template: yesterday's figures by 10:00 (DOMAIN.md §14, default deadline).
insert into command_report_template (id, name, fields, deadline_minutes, is_default, created_at)
values ('00000000-0000-4000-8000-0000000000d1', '每日疫情防控工作日报',
  '[{"key": "newCases", "label": "新增阳性感染者", "type": "INTEGER"},
    {"key": "closeContactsTraced", "label": "新增密接", "type": "INTEGER"},
    {"key": "underQuarantine", "label": "在管隔离人员", "type": "INTEGER"},
    {"key": "testsDone", "label": "核酸检测人次", "type": "INTEGER"},
    {"key": "remarks", "label": "其他情况", "type": "TEXT"}]',
  600, true, now());
