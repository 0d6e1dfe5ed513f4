-- Door-to-door work (screening rounds, sealed areas) lists the households of a scope in (path, id)
-- order, batch after batch: the path prefix and the key in one index.
create index household_path on household (jurisdiction_path, id);
