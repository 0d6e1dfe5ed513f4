-- Meetings, their decisions, and the tasks each decision gives to units (DOMAIN.md §14).
create table command_meeting (
  id            uuid          primary key,
  number        varchar(40)   not null unique,
  kind          varchar(10)   not null,
  title         varchar(200)  not null,
  chair         varchar(50)   not null,
  attendees     varchar(1000),
  reports_heard varchar(2000),
  held_on       date          not null,
  created_by    varchar(64)   not null,
  created_at    timestamptz   not null
);
create index command_meeting_held on command_meeting (held_on desc, number);

create table command_decision (
  id         uuid          primary key,
  meeting_id uuid          not null references command_meeting (id),
  text       varchar(1000) not null,
  created_at timestamptz   not null
);
create index command_decision_meeting on command_decision (meeting_id, created_at);

create table command_task (
  id           uuid          primary key,
  decision_id  uuid          references command_decision (id),
  unit_code    varchar(40)   not null references command_unit (code),
  title        varchar(200)  not null,
  detail       varchar(2000),
  deadline     timestamptz   not null,
  state        varchar(20)   not null,
  reminders    int           not null default 0,
  supervisions int           not null default 0,
  escalated_at timestamptz,
  created_by   varchar(64)   not null,
  created_at   timestamptz   not null,
  updated_at   timestamptz   not null
);
-- a unit's inbox and the command office's list
create index command_task_unit on command_task (unit_code, created_at desc);
create index command_task_created on command_task (created_at desc);
create index command_task_decision on command_task (decision_id);
-- the overdue job: open tasks past their deadline not yet escalated
create index command_task_open on command_task (deadline)
  where state in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTED') and escalated_at is null;

create table command_task_event (
  id         uuid          primary key,
  task_id    uuid          not null references command_task (id),
  at         timestamptz   not null,
  username   varchar(64)   not null,
  action     varchar(20)   not null,
  from_state varchar(20),
  to_state   varchar(20),
  note       varchar(1000)
);
create index command_task_event_task on command_task_event (task_id, at);
