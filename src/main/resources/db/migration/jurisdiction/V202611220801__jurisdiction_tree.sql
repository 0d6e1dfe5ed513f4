-- The division tree. path is the materialised path of codes ('/990100/990101/'), collated "C" so that
-- the prefix match of the scope predicate (path like '/990100/990101/%') is served by the b-tree.
create table jurisdiction (
  code             varchar(20)  primary key,
  code12           char(12)     unique,
  name             varchar(100) not null,
  level            varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID')),
  parent_code      varchar(20)  references jurisdiction (code),
  path             text         collate "C" not null unique,
  source_import_id uuid,
  source_line      int
);
create index jurisdiction_children on jurisdiction (parent_code, code);
create index jurisdiction_level_path on jurisdiction (level, path);
