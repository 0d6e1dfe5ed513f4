-- Sealed areas, second step: a pool member may be linked to a volunteer's account (their own shifts and
-- deliveries); the register of vulnerable persons per area, whose households' requests come first; the
-- record that a post's shift window was reported unfilled (once per post and window).
alter table lockdown_worker add column username varchar(50);
create unique index lockdown_worker_username on lockdown_worker (username) where state = 'ACTIVE' and username is not null;

alter table lockdown_request add column priority boolean not null default false;
create index lockdown_request_assignee on lockdown_request (assignee) where state = 'ASSIGNED';

create table lockdown_vulnerable (
  id                uuid          primary key,
  area_id           uuid          not null references lockdown_area (id),
  household_id      uuid          not null,
  address           varchar(200)  not null,
  name              varchar(50)   not null,
  category          varchar(20)   not null,
  note              varchar(500),
  phone             varchar(20),
  state             varchar(10)   not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  created_at        timestamptz   not null,
  created_by        varchar(50)   not null,
  removed_at        timestamptz
);
create index lockdown_vulnerable_area on lockdown_vulnerable (area_id, state);
create index lockdown_vulnerable_household on lockdown_vulnerable (household_id) where state = 'ACTIVE';

create table lockdown_unfilled (
  post_id      uuid         not null references lockdown_post (id),
  window_start timestamptz  not null,
  required     int          not null,
  assigned     int          not null,
  notified_at  timestamptz  not null,
  primary key (post_id, window_start)
);

-- the import line that last wrote a pool entry: the same phone twice in one file is a row error
alter table lockdown_worker add column import_id uuid;
alter table lockdown_worker add column import_line int;
