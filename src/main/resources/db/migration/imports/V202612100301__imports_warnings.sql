-- Row warnings: a row that is stored but deserves a word (e.g. a member of a single-tube key group found in a
-- pool). Kept with the job like its errors; the message is written in the importer's language, with its key
-- and arguments so that it can be told again in another. One warning per row, field and key.
create table import_warning (
  import_id uuid         not null references import_job (id) on delete cascade,
  row       int          not null,
  field     varchar(64)  not null default '',
  code      varchar(100) not null,
  args      text[]       not null default '{}',
  message   text         not null,
  primary key (import_id, row, field, code)
);
alter table import_job add column warnings bigint not null default 0;
