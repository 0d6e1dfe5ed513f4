-- Transport batches: tubes handed over at a sampling site to a lab (IN_TRANSIT) and received there (RECEIVED).
create table labtest_transport_batch (
  id             bigint generated always as identity primary key,
  code           varchar(40) collate "C" not null unique,
  site_id        bigint      not null references labtest_site (id),
  lab_id         bigint      not null references labtest_lab (id),
  handed_over_at timestamptz not null,
  received_at    timestamptz,
  created_by     varchar(50) not null
);
alter table labtest_tube add column transport_batch_id bigint references labtest_transport_batch (id);
create index labtest_tube_batch on labtest_tube (transport_batch_id) where transport_batch_id is not null;
