-- The readiness drill: a drill campaign counts no tubes; each sampling site of a campaign's scope reports once
-- when it is open for the campaign.
alter table labtest_campaign add column drill boolean not null default false;

create table labtest_campaign_site_open (
  campaign_id uuid        not null references labtest_campaign (id),
  site_code   varchar(40) not null,
  opened_at   timestamptz not null,
  reported_by varchar(50) not null,
  primary key (campaign_id, site_code)
);
