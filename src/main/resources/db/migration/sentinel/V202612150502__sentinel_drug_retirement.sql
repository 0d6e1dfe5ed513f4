-- The drug catalogue is kept by market regulation: a product's name and class are corrected in place (who and
-- when), a product no longer sold is retired with a reason (its registrations keep it; a retired product cannot
-- be sold) and may be restored.
alter table sentinel_drug
  add column changed_at    timestamptz,
  add column changed_by    varchar(50),
  add column retired_at    timestamptz,
  add column retired_by    varchar(50),
  add column retire_reason varchar(500);
