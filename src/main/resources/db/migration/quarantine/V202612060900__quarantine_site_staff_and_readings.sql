-- Entity-bound roles (shared.EntityBindings): the users a site works with. A site manager works only on
-- the stays and orders of the sites they are bound to (and places persons who wait for a room).
create table quarantine_site_staff (
  site_code varchar(40) not null references quarantine_site (code),
  username  varchar(64) not null,
  bound_by  varchar(64) not null,
  bound_at  timestamptz not null,
  primary key (site_code, username)
);
create index quarantine_site_staff_user on quarantine_site_staff (username, site_code);

-- Health checks are append-only readings: a self-report no longer replaces a staff reading of the same
-- half-day (or the reverse); every reading is kept with its source, the latest first.
alter table quarantine_health_check drop constraint quarantine_health_check_pkey;
alter table quarantine_health_check add column id bigint generated always as identity primary key;
create index quarantine_health_check_half on quarantine_health_check (order_id, check_date, half, reported_at);
