-- The person page reads a person's contacts (as the contact, whatever their outcome) and their own
-- case's investigation.
create index contact_person_all on contact (person_id, identified_at desc);
create index investigation_case_person on investigation (case_person_id);
