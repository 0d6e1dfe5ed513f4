-- The files of a concealment referral's evidence (询问笔录、行程截图 …): what each file is; the bytes lie
-- in the evidence directory under the row's id (EvidenceFiles), typed by their first bytes.
create table tipoff_referral_file (
  id            uuid          primary key,
  referral_id   uuid          not null references tipoff_referral (id),
  file_name     varchar(200)  not null,
  content_type  varchar(40)   not null,
  size          bigint        not null,
  sha256        varchar(64)   not null,
  uploaded_at   timestamptz   not null,
  uploaded_by   varchar(50)   not null
);
create index tipoff_referral_file_referral on tipoff_referral_file (referral_id, uploaded_at);
