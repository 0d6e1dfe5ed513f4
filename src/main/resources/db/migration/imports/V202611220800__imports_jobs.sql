-- Import jobs: one row per uploaded file; counters advance in the same transaction as each batch,
-- so an interrupted job resumes after its last committed batch.
create table import_job (
  id             uuid primary key,
  kind           varchar(40)  not null,
  status         varchar(10)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  file_name      varchar(255),
  spool_path     text         not null,
  charset        varchar(20),
  username       varchar(64)  not null,
  locale         varchar(20)  not null,
  file_size      bigint       not null default 0,
  bytes_read     bigint       not null default 0,
  rows_processed bigint       not null default 0,
  rows_imported  bigint       not null default 0,
  rows_rejected  bigint       not null default 0,
  message        text,
  created_at     timestamptz  not null,
  finished_at    timestamptz
);
create index import_job_user on import_job (username, created_at desc);
create index import_job_running on import_job (created_at) where status = 'RUNNING';

create table import_error (
  import_id uuid         not null references import_job (id) on delete cascade,
  row       int          not null,
  field     varchar(64),
  message   text         not null
);
create index import_error_job on import_error (import_id, row);

create table import_result (
  import_id uuid        not null references import_job (id) on delete cascade,
  grp       varchar(40) not null,
  key       text        not null,
  value     text        not null,
  primary key (import_id, grp, key)
);
