-- The nightly sweep retires the open memberships whose last day (to_date) has passed. Only memberships with a last
-- day are in this index, and no schedule write changes to_date or retired_at, so those writes stay HOT.
create index keygroup_member_last_day on keygroup_member (to_date) where retired_at is null and to_date is not null;
