-- Campaign rounds (第 N 轮): numbered, consecutive time windows; round 1 is the window the campaign
-- was created with, and the campaign's window spans all of its rounds. The risk level of the
-- campaign's area (DOMAIN.md §7, pool size by area risk) is given by the commander: movement's risk
-- areas cannot be read from here (movement depends on labtest through cases and quarantine).
create table labtest_campaign_round (
  campaign_id uuid        not null references labtest_campaign (id),
  number      int         not null check (number >= 1),
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  primary key (campaign_id, number)
);
insert into labtest_campaign_round (campaign_id, number, starts_at, ends_at)
select id, 1, starts_at, ends_at from labtest_campaign;

alter table labtest_campaign add column risk_level varchar(10);

-- the board's hourly figures read the tubes of a window
create index labtest_tube_collected on labtest_tube (collected_at);
