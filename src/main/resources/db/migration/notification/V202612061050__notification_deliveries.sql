-- Where a user wants copies of their notices outside the application (set by the user on the inbox page).
create table notification_contact (
  username    varchar(64)  primary key,
  email       varchar(200),
  phone       varchar(24),
  updated_at  timestamptz  not null
);

-- Every message that leaves the application (e-mail, SMS, webhook) with its outcome: written in the
-- transaction of the action that caused it (a rolled-back action sends nothing), sent after commit by
-- the delivery worker, retried with back-off, DEAD after the last attempt (the administrators' list).
create table notification_delivery (
  id               uuid         primary key,
  channel          varchar(10)  not null check (channel in ('EMAIL', 'SMS', 'WEBHOOK')),
  kind             varchar(40)  not null,
  recipient        varchar(300) not null,
  subject          varchar(200),
  payload          text         not null,
  state            varchar(10)  not null check (state in ('PENDING', 'SENT', 'DEAD')),
  attempts         int          not null default 0,
  last_status      int,
  last_error       varchar(500),
  next_attempt_at  timestamptz,
  created_at       timestamptz  not null,
  sent_at          timestamptz
);
-- the worker's queue
create index notification_delivery_due on notification_delivery (next_attempt_at) where state = 'PENDING';
-- the administrators' list, newest first, and its dead-letter filter
create index notification_delivery_list on notification_delivery (created_at desc, id);
create index notification_delivery_dead on notification_delivery (created_at desc) where state = 'DEAD';
