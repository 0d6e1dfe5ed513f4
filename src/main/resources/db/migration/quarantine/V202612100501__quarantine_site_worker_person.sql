-- Site staff as persons of the registry: a new site worker names a person (their name is the registry's); the
-- rows kept before by name and phone stay as they are, without a person (not tested as a key group until a
-- person is named for them by a new row).
alter table quarantine_site_worker add column person_id uuid;
create index quarantine_site_worker_person on quarantine_site_worker (person_id) where person_id is not null
  and left_at is null;
