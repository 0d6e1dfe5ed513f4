-- The command post's master data as a city keeps it (DOMAIN.md §14): units are corrected and retired
-- (a retired unit keeps its history but gets no new work from its retirement day on); the leadership
-- group keeps who served when; report templates are assigned to unit kinds; imports remember the
-- line that wrote a unit or a day of duty, so that the same key twice in one file is reported.
alter table command_unit add column retired_on date;
alter table command_unit add column retired_by varchar(64);
alter table command_unit add column updated_at timestamptz;
alter table command_unit add column import_id uuid;
alter table command_unit add column import_line int;

alter table command_unit_member add column added_at timestamptz;

alter table command_leader add column phone varchar(30);
alter table command_leader add column username varchar(64);
alter table command_leader add column served_from date;
update command_leader set served_from = current_date where served_from is null;
alter table command_leader alter column served_from set not null;
alter table command_leader add column served_until date;
alter table command_leader add column created_at timestamptz not null default now();
-- one 组长 at a time; former members stay with the day their term ended
create unique index command_leader_one_leader on command_leader (position)
  where position = 'LEADER' and served_until is null;
create index command_leader_serving on command_leader (sort_order, name) where served_until is null;

alter table command_duty add column import_id uuid;
alter table command_duty add column import_line int;

-- which template each unit kind files; kinds not listed file the default template
create table command_report_template_kind (
  unit_kind   varchar(20) primary key,
  template_id uuid        not null references command_report_template (id)
);
alter table command_report_template add column updated_at timestamptz;
-- a retired template is owed by no unit and takes no new reports; its reports stay
alter table command_report_template add column retired_on date;
