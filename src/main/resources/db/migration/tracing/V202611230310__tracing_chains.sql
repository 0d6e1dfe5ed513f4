-- Transmission chains (DOMAIN.md §5). chain_member keeps, for every case that is part of a chain or
-- a named cluster, its chain (a maintained connected-component id, so a chain is one indexed read)
-- and a copy of what the chain view shows, refreshed from the cases module's events.
create table chain_member (
  case_id            uuid primary key,
  chain_id           uuid not null,
  label              text not null,
  classification     text not null,
  onset_date         date,
  report_date        date not null,
  household_id       uuid,
  jurisdiction_path  text collate "C" not null,
  cluster_name       text
);
create index chain_member_chain on chain_member (chain_id);
create index chain_member_scope on chain_member (jurisdiction_path, chain_id);
create index chain_member_cluster on chain_member (cluster_name) where cluster_name is not null;

-- infector → infectee; chain_id always equals both ends' chain_member.chain_id
create table transmission_link (
  id                 uuid primary key,
  chain_id           uuid not null,
  infector_case_id   uuid not null references chain_member (case_id),
  infectee_case_id   uuid not null references chain_member (case_id),
  setting            text,
  created_at         timestamptz not null,
  created_by         text,
  unique (infector_case_id, infectee_case_id),
  check (infector_case_id <> infectee_case_id)
);
create index transmission_link_chain on transmission_link (chain_id);
create index transmission_link_infectee on transmission_link (infectee_case_id);

-- Line-list imports: the file's own case references per import source (the importer's
-- jurisdiction), so that later imports can refer to earlier ones and a re-import changes nothing.
create table case_import_ref (
  source             text not null,
  case_ref           text not null,
  case_id            uuid not null,
  import_id          uuid not null,
  line               integer not null,
  primary key (source, case_ref)
);
create index case_import_ref_case on case_import_ref (case_id);
