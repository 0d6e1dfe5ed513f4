-- Who staffs a quarantine site (隔离点工作人员): each person on a post and a shift, inside the closed loop from
-- one day to another; and the site's own standard (people per shift on a post) where it differs from the
-- platform's default. Gaps are the standard minus the people on the post and shift today.
create table quarantine_site_worker (
  id uuid primary key,
  site_id uuid not null references quarantine_site (id),
  name varchar(100) not null,
  phone varchar(40),
  post varchar(16) not null,
  shift varchar(8) not null,
  loop_from date not null,
  loop_to date,
  created_by varchar(64) not null,
  created_at timestamptz not null,
  left_at timestamptz
);
create index quarantine_site_worker_site on quarantine_site_worker (site_id, post, shift);

create table quarantine_site_post (
  site_id uuid not null references quarantine_site (id),
  post varchar(16) not null,
  per_shift integer not null check (per_shift >= 0),
  updated_at timestamptz not null,
  primary key (site_id, post)
);
