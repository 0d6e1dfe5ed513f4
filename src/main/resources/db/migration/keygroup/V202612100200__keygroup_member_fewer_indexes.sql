-- The schedule statement rewrites a membership whenever its due day moves, and the due day is indexed (the overdue
-- list's partial indexes), so those writes are never HOT: each one adds an entry to every index of the table. One
-- unique index on (person_id, group_code) of the open memberships serves both the one-open-membership rule (the
-- roster import's on conflict names the same columns) and the lookup of a batch's persons, in place of two.
create unique index keygroup_member_open_person on keygroup_member (person_id, group_code) where retired_at is null;
drop index keygroup_member_open;
drop index keygroup_member_person;
-- Room on each page: a rewritten membership stays on its page, and a write that touches no indexed column (a
-- sampling within the week's interval, a roster edit) can be HOT.
alter table keygroup_member set (fillfactor = 85);
