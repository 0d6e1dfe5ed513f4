-- Checkpoints are master data the command office keeps up (DOMAIN.md §8): corrected (name, kind,
-- division, coordinates), retired and reactivated, never deleted; arrivals and passages keep their code.
alter table checkpoint
  add column latitude    double precision,
  add column longitude   double precision,
  add column retired_at  timestamptz,
  add column updated_at  timestamptz,
  add constraint checkpoint_coordinates check ((latitude is null) = (longitude is null)
    and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));
