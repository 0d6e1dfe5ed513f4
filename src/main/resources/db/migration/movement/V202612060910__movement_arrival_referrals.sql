-- Arrivals that put nobody under control (finding 1 and 5 of the data-scope review):
--   REFERRED   staff registered the arrival with the document of a person who lives outside their
--              jurisdiction: the person is not named to them and nothing is done to them; the arrival
--              is routed to the person's own jurisdiction (person_path), which sees who it is;
--   UNVERIFIED a resident's own registration gave a registered document with another name: no person
--              is linked, the community verifies by the contact phone.
-- As typed: the contact phone, and the document only in its masked form (DOMAIN.md §3).
alter table arrival alter column person_id drop not null;
alter table arrival add column person_path text collate "C";
alter table arrival add column contact_phone text;
alter table arrival add column claimed_document text;
create index arrival_person_path on arrival (person_path, arrival_date desc, id) where person_path is not null;
