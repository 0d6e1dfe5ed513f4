-- Tip-offs (有奖举报): what the public or a hotline reports, triaged by the tip-off office, verified by
-- the community of the place, rewarded when substantiated; concealment goes on as a referral. The
-- informant lives in a table of their own that only the office's reads touch (never joined in lists).
-- state: RECEIVED → ASSIGNED → VERIFYING → SUBSTANTIATED | UNSUBSTANTIATED | DUPLICATE;
--        SUBSTANTIATED → REWARD_PROPOSED → REWARD_APPROVED | REWARD_DECLINED → REWARD_PAID → CLOSED
create table tipoff (
  id                uuid          primary key,
  receipt           varchar(16)   collate "C" not null unique,
  channel           varchar(12)   not null,
  topic             varchar(24)   not null,
  subject           varchar(200),
  address           varchar(200)  not null,
  description       varchar(2000) not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_name varchar(100)  not null,
  jurisdiction_path text          collate "C" not null,
  anonymous         boolean       not null,
  state             varchar(16)   not null,
  received_at       timestamptz   not null,
  received_by       varchar(50)   not null,
  assigned_code     varchar(20),
  assigned_name     varchar(100),
  assigned_path     text          collate "C",
  assigned_at       timestamptz,
  due_at            timestamptz,
  duplicate_of      uuid          references tipoff (id),
  triage_note       varchar(500),
  outcome           varchar(20),
  findings          varchar(2000),
  verified_at       timestamptz,
  verified_by       varchar(50),
  reward_amount     numeric(10, 2),
  reward_note       varchar(500),
  reward_decided_by varchar(50),
  paid_at           timestamptz,
  payment_reference varchar(100),
  closed_at         timestamptz
);
create index tipoff_path on tipoff (jurisdiction_path, received_at);
create index tipoff_assigned on tipoff (assigned_path, due_at) where assigned_path is not null;
create index tipoff_state on tipoff (state, received_at);

-- who informed, readable by the tip-off office only; client_address: where a public form came from
create table tipoff_informant (
  tipoff_id      uuid         primary key references tipoff (id),
  name           varchar(50),
  phone          varchar(20),
  client_address varchar(64)
);

-- a substantiated concealment (隐瞒病情、行程) referred with its evidence; state REFERRED → DECIDED
create table tipoff_referral (
  id            uuid          primary key,
  tipoff_id     uuid          not null unique references tipoff (id),
  concealed     varchar(12)   not null,
  referred_to   varchar(24)   not null,
  evidence      varchar(4000) not null,
  legal_basis   varchar(200),
  state         varchar(10)   not null,
  referred_at   timestamptz   not null,
  referred_by   varchar(50)   not null,
  outcome       varchar(20),
  decided_on    date,
  decision_note varchar(500)
);
