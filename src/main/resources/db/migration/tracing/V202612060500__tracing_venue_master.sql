-- Venues are master data a city keeps up (DOMAIN.md §5): corrected (name, address, type, division,
-- coordinates), retired and reactivated, never deleted; retiring keeps every scan. The import of a
-- venue list keeps its last file and line per venue, so a code twice in one file is reported.
alter table venue
  add column latitude     double precision,
  add column longitude    double precision,
  add column retired_at   timestamptz,
  add column updated_at   timestamptz,
  add column import_id    uuid,
  add column import_line  int,
  add constraint venue_coordinates check ((latitude is null) = (longitude is null)
    and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));

-- the scan import asks once per batch which of its venues are retired: few are, so a small partial index
create index venue_retired on venue (id) include (retired_at) where retired_at is not null;
