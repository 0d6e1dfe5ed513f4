-- The informant encrypted at rest (tipoff.md): name, phone, document, payment account and client address hold
-- AES-GCM ciphertext (Base64) under epicommand.tipoff.informant-key. Rows written before are encrypted by the
-- application at its first start with the key (encrypted = false until then; reads handle both).
alter table tipoff_informant alter column name type text;
alter table tipoff_informant alter column phone type text;
alter table tipoff_informant alter column client_address type text;
alter table tipoff_informant add column document text;
alter table tipoff_informant add column payment_account text;
alter table tipoff_informant add column encrypted boolean not null default false;
