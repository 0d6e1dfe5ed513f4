-- Sessions end when the account changes. Every change that matters for access (enabled, roles,
-- jurisdiction, password) raises security_stamp; a session or a remembered API login made under
-- another stamp is stale. Each page request compares it (one primary-key lookup), so it holds
-- across several application instances.
alter table account_user
  add column security_stamp         bigint      not null default 0,
  add column must_change_password   boolean     not null default false,
  add column password_changed_at    timestamptz,
  add column password_never_expires boolean     not null default false;
update account_user set password_changed_at = updated_at;
alter table account_user alter column password_changed_at set not null;

-- Lock-out is counted per client address now (account_login_failure, account_login_source): the
-- account-wide counter let anyone lock anyone out.
alter table account_user drop column failed_attempts, drop column locked_until;

-- The passwords an account had, newest first: no reuse of the last few.
create table account_password_history (
  user_id       uuid         not null references account_user (id),
  password_hash varchar(200) not null,
  set_at        timestamptz  not null
);
create index account_password_history_user on account_password_history (user_id, set_at desc);
insert into account_password_history (user_id, password_hash, set_at)
  select id, password_hash, updated_at from account_user;

-- Failed logins per username as typed (whether it exists or not) and client address: five block
-- that username for that address only.
create table account_login_failure (
  username        varchar(64) not null,
  address         varchar(64) not null,
  failures        int         not null,
  last_failure_at timestamptz not null,
  blocked_until   timestamptz,
  primary key (username, address)
);
create index account_login_failure_last on account_login_failure (last_failure_at);

-- Failed logins per client address: a CAPTCHA on the login page, then growing waits.
create table account_login_source (
  address         varchar(64) primary key,
  failures        int         not null,
  last_failure_at timestamptz not null,
  blocked_until   timestamptz
);
create index account_login_source_last on account_login_source (last_failure_at);

-- Break-the-glass: a temporary extra role in a division, with a reason and an end.
create table account_role_grant (
  id                uuid         primary key,
  user_id           uuid         not null references account_user (id),
  role              varchar(40)  not null,
  jurisdiction_code varchar(20)  not null,
  reason            varchar(500) not null,
  starts_at         timestamptz  not null,
  ends_at           timestamptz  not null,
  granted_by        varchar(64)  not null,
  revoked_at        timestamptz,
  revoked_by        varchar(64)
);
create index account_role_grant_user on account_role_grant (user_id, ends_at desc);
create index account_role_grant_starts on account_role_grant (starts_at desc);
