-- A refused sale or a febrile buyer's enquiry at a pharmacy (the trace of 违规购买 attempts): the
-- person when they gave a document (else anonymous), temperature, the clinic they were referred to.
create table sentinel_fever_enquiry (
  id            uuid         primary key,
  pharmacy_code varchar(18)  collate "C" not null references sentinel_pharmacy (credit_code),
  pharmacy_path text         collate "C" not null,
  at            timestamptz  not null,
  person_id     uuid,
  temperature   numeric(3, 1),
  drug_class    varchar(40),
  referred_to   varchar(100),
  recorded_by   varchar(50)  not null
);
create index sentinel_fever_enquiry_pharmacy on sentinel_fever_enquiry (pharmacy_code, at);
