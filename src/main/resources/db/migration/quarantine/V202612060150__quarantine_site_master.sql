-- Quarantine sites are kept by their operators: contact and capacity notes, corrections, retirement.
-- A retired site (retired_at set) keeps its rooms, stays and orders, drops out of the pickers and of
-- the capacity standard, and refuses new check-ins, rooms and trips.
alter table quarantine_site
  add column contact_name   varchar(50),
  add column contact_phone  varchar(30),
  add column capacity_notes varchar(500),
  add column retired_at     timestamptz,
  add column updated_at     timestamptz not null default now();
