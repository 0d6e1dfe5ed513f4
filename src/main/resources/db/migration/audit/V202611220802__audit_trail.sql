-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
create table audit_event (
  id             bigint generated always as identity primary key,
  at             timestamptz  not null,
  username       varchar(64)  not null,
  action         varchar(20)  not null,
  subject_type   varchar(40)  not null,
  subject_id     varchar(64),
  detail         text,
  remote_address varchar(64)
);
create index audit_event_at on audit_event (at desc);
create index audit_event_subject on audit_event (subject_id, at desc);
create index audit_event_user on audit_event (username, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only (% refused)', tg_op;
end
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
