-- Resident population (常住人口) of a division, from the statistics bureau: per-capita standards
-- (quarantine rooms per 10,000 residents, sampling points, samplers) are measured against it, not
-- against the persons the registry happens to hold. Unknown is null, never 0.
alter table jurisdiction add column population bigint check (population >= 0);
