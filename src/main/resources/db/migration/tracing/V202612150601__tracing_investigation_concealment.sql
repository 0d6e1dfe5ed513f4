-- Concealment found by an investigation (流调发现隐瞒): the investigator reports that the case's person concealed
-- travel, symptoms, contacts, a result or their identity, with what shows it. Once per investigation and kind; the
-- tip-off office takes it on as a concealment case (ConcealmentFlagged).
create table investigation_concealment (
  id               uuid          primary key,
  investigation_id uuid          not null references investigation (id),
  concealed        varchar(12)   not null,
  evidence         varchar(4000) not null,
  flagged_at       timestamptz   not null,
  flagged_by       varchar(50)   not null,
  unique (investigation_id, concealed)
);
