-- An inspection recorded by mistake is withdrawn by market regulation: it stays on record as WITHDRAWN with who
-- withdrew it, when and why; the verification items it opened and nobody closed yet close with it.
alter table sentinel_inspection add column state varchar(20) not null default 'RECORDED';
alter table sentinel_inspection add column withdrawn_at timestamptz;
alter table sentinel_inspection add column withdrawn_by varchar(50);
alter table sentinel_inspection add column withdrawal_reason varchar(500);
