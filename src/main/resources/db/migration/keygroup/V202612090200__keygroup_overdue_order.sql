-- The overdue list (应检未检) in its own order, next_due nulls first then id, for the states needing action:
-- the whole city's page is the head of the first index, a district's (or anything inside one: the list adds
-- the district, the path's second division, to its condition) a range of the second; neither sorts the
-- members of the district, so later pages are index ranges too.
create index keygroup_member_needing_action on keygroup_member (next_due nulls first, id)
  where retired_at is null and state in ('BLOCKED_FROM_DUTY', 'NEVER_TESTED', 'OVERDUE');
create index keygroup_member_needing_action_district on keygroup_member
  (split_part(jurisdiction_path, '/', 3), next_due nulls first, id)
  where retired_at is null and state in ('BLOCKED_FROM_DUTY', 'NEVER_TESTED', 'OVERDUE');
