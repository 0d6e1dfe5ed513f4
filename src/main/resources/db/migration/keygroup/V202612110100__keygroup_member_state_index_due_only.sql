-- Every write of a membership's schedule that moves its due day adds an entry to each index of the table (it
-- cannot be HOT), and after a results import that is most of the batch's members. The index of (state,
-- jurisdiction_path, next_due) took one for every member, though the lists needing action are served by their own
-- partial indexes and no list pages members up to date. Only the members due today keep an index of the state's
-- kind (the due list by division); a list of other states narrowed by group uses keygroup_member_group.
create index keygroup_member_due_today on keygroup_member (jurisdiction_path, next_due)
  where retired_at is null and state = 'DUE_TODAY';
drop index keygroup_member_state;
