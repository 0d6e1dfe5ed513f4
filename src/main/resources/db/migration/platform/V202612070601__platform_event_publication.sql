-- The publication registry of module events (Spring Modulith), made by a migration so that the schema's
-- owner owns it like every other table (the application's role may not create tables). A database that
-- had it created by the library at start-up (its schema v2, as here) keeps its table: "if not exists".
create table if not exists event_publication (
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication
  using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
