-- Informant key rotation (tipoff.md): the id of the key each informant row is encrypted under. Rows encrypted so far
-- were sealed under epicommand.tipoff.informant-key, the key of id 'default'; rows not yet encrypted get the current
-- key's id when the application encrypts them.
alter table tipoff_informant add column key_id varchar(40);
update tipoff_informant set key_id = 'default' where encrypted;
create index tipoff_informant_key on tipoff_informant (key_id);
