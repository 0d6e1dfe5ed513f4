-- The reward scale per topic (有奖举报奖励标准), as the city's scheme sets it: the standard amount a substantiated
-- tip-off of that topic is proposed at and the most it may be. A topic without a row has no scale (any amount up to
-- the platform's ceiling of 100,000 yuan).
create table tipoff_reward_scale (
  topic      varchar(24)    primary key,
  amount     numeric(10, 2) not null,
  max_amount numeric(10, 2) not null,
  updated_at timestamptz    not null,
  updated_by varchar(50)    not null,
  check (amount > 0 and max_amount >= amount)
);
