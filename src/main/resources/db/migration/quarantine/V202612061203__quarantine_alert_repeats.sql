-- Alert floods: one unresolved alert per order, kind and half-day (city zone, e.g. 2026-12-06-AM); a
-- repeat in that half-day counts on it (repeats, last_at) instead of raising another. Every occurrence
-- is remembered by its dedupe key, so that the same event delivered twice still counts once.
alter table quarantine_alert add column half_day varchar(13);
alter table quarantine_alert add column repeats int not null default 1;
alter table quarantine_alert add column last_at timestamptz;
update quarantine_alert set last_at = raised_at;
create unique index quarantine_alert_one_open on quarantine_alert (order_id, kind, half_day)
  where state <> 'RESOLVED' and half_day is not null;
create index quarantine_alert_order_open on quarantine_alert (order_id) where state <> 'RESOLVED';
create table quarantine_alert_occurrence (
  order_id   uuid         not null references quarantine_order (id),
  kind       varchar(30)  not null,
  dedupe_key varchar(100) not null,
  primary key (order_id, kind, dedupe_key)
);
insert into quarantine_alert_occurrence (order_id, kind, dedupe_key)
select order_id, kind, dedupe_key from quarantine_alert;
