-- Each sensor's own MQTT password for the built-in broker, issued when it is bound (shown once) and stored
-- only as a SHA-256 hash (the password is 32 random bytes, so a fast hash is enough). A sensor bound before
-- this column existed has none and is refused by the built-in broker until a new password is issued.
alter table quarantine_door_sensor add column credential_hash varchar(64);
