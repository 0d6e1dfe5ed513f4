-- The optional person match of a tip-off's subject (sentinel.md: "subject (text, optional person match)"): the
-- registry person the office matched the subject to. Two tip-offs of the same topic about the same matched person
-- within 7 days are possible duplicates whatever their subject text.
alter table tipoff add column subject_person_id uuid;
create index tipoff_subject_person on tipoff (topic, subject_person_id, received_at)
  where subject_person_id is not null;
