-- The supply requests a testing campaign's plan raised ("request supplies" on the campaign board): the campaign
-- is the labtest module's, named by its id.
create table supply_campaign_request (
  request_id  uuid        primary key references supply_request (id),
  campaign_id uuid        not null,
  created_at  timestamptz not null,
  created_by  varchar(50) not null
);
create index supply_campaign_request_campaign on supply_campaign_request (campaign_id);
