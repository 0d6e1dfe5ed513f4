-- The sequencing of a case (溯源): the Pango lineage, the clade, the lab, the day it was reported and the cluster the
-- sequence relates the case to; one row per case, corrected in place (every change audited).
create table case_sequence (
  case_id          uuid         primary key,
  lineage          varchar(40)  not null,
  clade            varchar(40),
  lab              varchar(100),
  reported_at      date,
  related_cluster  varchar(100),
  updated_at       timestamptz  not null,
  updated_by       varchar(50)  not null
);
