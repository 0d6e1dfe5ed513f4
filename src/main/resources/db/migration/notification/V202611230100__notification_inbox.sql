-- The in-app inbox: one row per recipient and notice (DOMAIN.md §14: reminders and supervision notices).
create table notification (
  id          uuid         primary key,
  recipient   varchar(64)  not null,
  kind        varchar(40)  not null,
  title       varchar(200) not null,
  body        varchar(2000),
  link        varchar(300),
  created_at  timestamptz  not null,
  read_at     timestamptz
);

-- the inbox page, newest first
create index notification_inbox on notification (recipient, created_at desc, id);
-- the unread badge, polled by every open page
create index notification_unread on notification (recipient) where read_at is null;
