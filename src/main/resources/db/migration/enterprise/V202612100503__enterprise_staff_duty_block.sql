-- A staff member blocked from duty by their key group (C2: no negative within the group's blocking days) is not
-- cleared while the block lasts: when it began and the group's blocking days (for the reason shown). Kept from the
-- key-group events; cleared = not under an open quarantine order and not blocked.
alter table enterprise_staff add column blocked_from_duty_at timestamptz;
alter table enterprise_staff add column blocked_days int;
create index enterprise_staff_person_org on enterprise_staff (person_id, organisation_id) where person_id is not null;
