-- Overdue escalation of pushed items (DOMAIN.md §8): one row per item and overdue kind (SIGN: not
-- signed within 2 h; FEEDBACK: no feedback within 24 h), so each is reported to the command office
-- and the district desk exactly once.
create table pushed_item_escalation (
  item_id      uuid not null references pushed_item (id) on delete cascade,
  kind         text not null,
  escalated_at timestamptz not null,
  primary key (item_id, kind)
);
