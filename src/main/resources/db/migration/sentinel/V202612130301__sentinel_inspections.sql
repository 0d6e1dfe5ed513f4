-- Inspections of a pharmacy by market regulation: the day, the inspector, the findings, the outcome (and the
-- status it set, if any), and the buyers found sold to without the required registration. An inspection is
-- stored once per payload (payload_key: a hash of what was posted), so a re-post changes nothing.
create table sentinel_inspection (
  id              uuid          primary key,
  pharmacy_code   varchar(18)   collate "C" not null references sentinel_pharmacy (credit_code),
  pharmacy_path   text          collate "C" not null,
  inspected_on    date          not null,
  inspector       varchar(50)   not null,
  findings        varchar(2000) not null,
  outcome         varchar(20)   not null,
  pharmacy_status varchar(20),
  payload_key     varchar(64)   collate "C" not null,
  recorded_at     timestamptz   not null
);
create unique index sentinel_inspection_payload on sentinel_inspection (pharmacy_code, payload_key);
create index sentinel_inspection_pharmacy on sentinel_inspection (pharmacy_code, inspected_on desc);
-- The buyers an inspection found: the registry person (found or registered from the document), the name and
-- phone as found, the document masked, the home division's path (where their verification item goes).
create table sentinel_inspection_buyer (
  inspection_id uuid        not null references sentinel_inspection (id),
  person_id     uuid        not null,
  position      smallint    not null,
  buyer_name    varchar(50) not null,
  masked_id     varchar(40) not null,
  phone         varchar(30) not null,
  buyer_path    text        collate "C" not null,
  primary key (inspection_id, person_id)
);
-- A verification item opened by an inspection: one per inspection and person.
alter table sentinel_verification add column inspection_id uuid;
create unique index sentinel_verification_inspection on sentinel_verification (inspection_id, person_id)
  where inspection_id is not null;
