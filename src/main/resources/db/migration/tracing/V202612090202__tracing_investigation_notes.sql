-- Notes the platform puts on an investigation for the investigator to weigh (an environmental sample found
-- positive in the case's division: "environment exposure": the site as subject, the barcode as reference, when it
-- was collected), once per investigation and source.
create table investigation_note (
  id                uuid        primary key,
  investigation_id  uuid        not null references investigation (id),
  kind              text        not null,
  subject           text        not null,
  reference         text,
  observed_at       timestamptz,
  source_key        text        not null,
  created_at        timestamptz not null,
  created_by        text        not null,
  unique (investigation_id, source_key)
);
