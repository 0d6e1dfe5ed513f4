-- The members needing action (due today, overdue, never sampled, blocked from duty) in a narrow table of their
-- own, carrying the due and overdue lists' indexes. Before, those partial indexes were on keygroup_member itself,
-- on its state and due day: every write of a schedule that moved either could not be HOT and added an entry to
-- every index of the membership (its key, person, group, ...), which after a results import is nearly every
-- member. Now no index of keygroup_member covers a schedule column, so such a write stays on its page (HOT) and
-- touches no index; the statements that write schedules keep this table in step in the same statement, and any
-- other change of a membership (joining, correcting, retiring) through one statement that mirrors the rows it
-- names. A member up to date has no row here; a retired one neither.
create table keygroup_member_action (
  member_id         uuid        primary key,
  state             varchar(20) not null,
  next_due          date,
  jurisdiction_path text        collate "C" not null
);
insert into keygroup_member_action (member_id, state, next_due, jurisdiction_path)
select id, state, next_due, jurisdiction_path from keygroup_member
where retired_at is null and state in ('BLOCKED_FROM_DUTY', 'DUE_TODAY', 'NEVER_TESTED', 'OVERDUE');
-- the overdue list (应检未检) in its order, the city's and a district's (the path's second division)
create index keygroup_action_needing on keygroup_member_action (next_due nulls first, member_id)
  where state in ('BLOCKED_FROM_DUTY', 'NEVER_TESTED', 'OVERDUE');
create index keygroup_action_needing_district on keygroup_member_action
  (split_part(jurisdiction_path, '/', 3), next_due nulls first, member_id)
  where state in ('BLOCKED_FROM_DUTY', 'NEVER_TESTED', 'OVERDUE');
-- the due list by division
create index keygroup_action_due_today on keygroup_member_action (jurisdiction_path, next_due)
  where state = 'DUE_TODAY';
drop index keygroup_member_needing_action;
drop index keygroup_member_needing_action_district;
drop index keygroup_member_due_today;
