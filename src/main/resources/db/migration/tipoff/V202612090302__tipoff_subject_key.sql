-- Possible duplicates (tipoff.md): earlier tip-offs of the same topic about the same subject in the same place
-- within 7 days. subject_key: the subject text normalised (lower case, without spaces and punctuation), kept by
-- the database for every row, old and new.
alter table tipoff add column subject_key text collate "C" generated always as
  (lower(regexp_replace(coalesce(subject, ''), '[[:space:][:punct:]，。、；：！？（）【】《》“”‘’·…—]+', '', 'g'))) stored;
create index tipoff_subject_key on tipoff (topic, jurisdiction_code, subject_key, received_at) where subject_key <> '';
