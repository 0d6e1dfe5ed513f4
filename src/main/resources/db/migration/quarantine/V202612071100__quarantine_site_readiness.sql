-- Standby quarantine sites (备用隔离点) and their activation: a site's readiness moves
-- STANDBY → ACTIVATING → ACTIVE ⇄ SUSPENDED → CLOSED; only an ACTIVE site takes people. Who started the
-- activation and who completed it are kept with the time, and the activation is due within the site's
-- lead time. Retirement (retired_at) stays the master-data lifecycle beside it.
alter table quarantine_site
  add column status                 varchar(12)  not null default 'ACTIVE'
    check (status in ('STANDBY', 'ACTIVATING', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
  add column kind                   varchar(16)  not null default 'OTHER'
    check (kind in ('HOTEL', 'PURPOSE_BUILT', 'DORMITORY', 'OTHER')),
  add column owner                  varchar(100),
  add column activation_lead_hours  integer      not null default 24
    check (activation_lead_hours between 0 and 720),
  add column activation_started_at  timestamptz,
  add column activation_started_by  varchar(100),
  add column activated_at           timestamptz,
  add column activated_by           varchar(100),
  add column status_changed_at      timestamptz,
  add column activation_overdue_at  timestamptz;
