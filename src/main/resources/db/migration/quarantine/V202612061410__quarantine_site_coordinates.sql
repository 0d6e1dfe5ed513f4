-- Where a quarantine site lies (WGS-84, optional, both or neither), so that the command map shows it with
-- its free rooms. A site's coordinates must lie inside its division's boundary where the division has one.
alter table quarantine_site
  add column latitude  double precision,
  add column longitude double precision,
  add constraint quarantine_site_coordinates check ((latitude is null) = (longitude is null)
    and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));
