-- The person registry. jurisdiction_path carries the materialised path of the person's jurisdiction
-- (JurisdictionScope): every query filters on it. Indexes serve the list (path, name), the name
-- search (name prefix), the document-number tail search (reverse prefix) and the phone search.
create table household (
  id                uuid         primary key,
  address           varchar(200) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null
);
create index household_address on household (jurisdiction_code, address);

create table person (
  id                uuid         primary key,
  name              varchar(50)  collate "C" not null,
  id_type           varchar(30)  not null,
  id_number         varchar(40)  collate "C" not null,
  sex               varchar(7)   not null,
  birth_date        date,
  phone             varchar(24)  collate "C",
  address           varchar(200),
  household_id      uuid         references household (id),
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  source_import_id  uuid,
  source_line       int,
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  constraint person_document unique (id_type, id_number)
);
create index person_path_name on person (jurisdiction_path, name, id);
create index person_name on person (name, jurisdiction_path);
create index person_id_tail on person (reverse(id_number) text_pattern_ops);
create index person_phone on person (phone) where phone is not null;
create index person_household on person (household_id) where household_id is not null;
