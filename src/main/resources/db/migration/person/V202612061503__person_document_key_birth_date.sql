-- The document key also carries the birth date, so that imports that check ages (vaccination doses:
-- the product's approved age range, the coverage's age band) find a person's birth date in the same
-- index-only probe that finds their id and jurisdiction path.
create unique index person_document_key_born on person (id_type, id_number)
  include (id, jurisdiction_path, birth_date);
drop index person_document_key;
alter index person_document_key_born rename to person_document_key;
