-- An inspection imported from market regulation's register (import kind pharmacy-inspections) keeps the
-- register's own number for it (检查编号): the rows under one number are one inspection, each adding its buyer,
-- and its payload_key is a hash of the number, so that a re-import finds it.
alter table sentinel_inspection add column reference varchar(50);
