-- Scan batches go into the day partitions by one insert from arrays (ScanStore.store): the COPY
-- staging table and its per-batch insert/delete are gone.
drop table venue_scan_staging;
