-- Accepted rows that added nothing because what they say was already stored (an identical earlier or
-- concurrent import): the status shows rowsAdded = rows_imported - rows_present and rowsAlreadyPresent.
alter table import_job add column rows_present bigint not null default 0;
