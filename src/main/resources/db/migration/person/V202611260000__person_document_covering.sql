-- The document key also carries the person's id and jurisdiction path, so that the bulk look-ups by
-- document (tube members, venue scans: millions of rows a file) are answered from the index alone,
-- without a random read of the registry's heap per row. It stays the registry's uniqueness rule.
create unique index person_document_key on person (id_type, id_number) include (id, jurisdiction_path);
alter table person drop constraint person_document;
