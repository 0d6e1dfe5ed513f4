-- Concealment cases (隐瞒病情、行程案件) as records of their own: a substantiated tip-off's referral was the only kind.
-- Now a case also comes from an investigation (ConcealmentFlagged) or is opened by the tip-off office, and runs
-- OPEN → REFERRED → DECIDED → CLOSED (an open case may be closed without referral, with a reason). A tip-off's
-- referral is its case (source TIP_OFF, opened already referred). The referral rows become cases; their files too.
alter table tipoff_referral rename to concealment_case;
alter index tipoff_referral_pkey rename to concealment_case_pkey;
alter table concealment_case rename constraint tipoff_referral_tipoff_id_key to concealment_case_tipoff_id_key;
alter table concealment_case
  alter column tipoff_id drop not null,
  alter column referred_to drop not null,
  alter column referred_at drop not null,
  alter column referred_by drop not null,
  add column source            varchar(20),
  add column source_id         uuid,
  add column source_reference  varchar(100),
  add column person_id         uuid,
  add column subject_name      varchar(200),
  add column jurisdiction_code varchar(20),
  add column jurisdiction_name varchar(100),
  add column jurisdiction_path text collate "C",
  add column opened_at         timestamptz,
  add column opened_by         varchar(50),
  add column closed_at         timestamptz,
  add column closed_by         varchar(50),
  add column close_note        varchar(500);
update concealment_case c set source = 'TIP_OFF', source_id = t.id, person_id = t.subject_person_id,
  subject_name = t.subject, jurisdiction_code = t.jurisdiction_code, jurisdiction_name = t.jurisdiction_name,
  jurisdiction_path = t.jurisdiction_path, opened_at = c.referred_at, opened_by = c.referred_by
from tipoff t where t.id = c.tipoff_id;
alter table concealment_case
  alter column source set not null,
  alter column jurisdiction_code set not null,
  alter column jurisdiction_name set not null,
  alter column jurisdiction_path set not null,
  alter column opened_at set not null,
  alter column opened_by set not null;
-- an investigation's concealment of one kind is one case, however often its event is delivered
create unique index concealment_case_flag on concealment_case (source_id, concealed) where source = 'INVESTIGATION';
-- the office's list: its jurisdiction, by state, newest first
create index concealment_case_path on concealment_case (jurisdiction_path, state, opened_at);

alter table tipoff_referral_file rename to concealment_case_file;
alter table concealment_case_file rename column referral_id to case_id;
alter index tipoff_referral_file_referral rename to concealment_case_file_case;
