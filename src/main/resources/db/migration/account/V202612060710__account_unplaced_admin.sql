-- On a new installation the first administrator exists before any division does: until the first
-- divisions import creates the root, their home jurisdiction is unset (null) and they see no
-- personal data. Only that bootstrap account is ever unplaced.
alter table account_user alter column jurisdiction_code drop not null;
