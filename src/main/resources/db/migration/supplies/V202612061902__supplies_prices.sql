-- Markets and daily prices of the necessities basket (生活必需品价格), with what a 保供 market has in
-- stock in days of sales, and the alerts the prices raise (each once per market, commodity, day and kind).
create table price_market (
  code              varchar(30)   primary key,
  name              varchar(100)  not null,
  kind              varchar(20)   not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  supply_guarantee  boolean       not null,
  created_at        timestamptz   not null
);
create index price_market_scope on price_market (jurisdiction_path);

create table price_point (
  id          uuid          primary key,
  market_code varchar(30)   not null references price_market (code),
  commodity   varchar(30)   not null,
  day         date          not null,
  price       numeric(8,2)  not null check (price > 0),
  stock_days  numeric(6,1),
  reporter    varchar(100)  not null,
  reported_at timestamptz   not null,
  unique (market_code, commodity, day)
);
create index price_point_series on price_point (commodity, day);

create table price_alert (
  id          uuid          primary key,
  market_code varchar(30)   not null references price_market (code),
  commodity   varchar(30)   not null,
  day         date          not null,
  kind        varchar(20)   not null,
  value       numeric(10,2) not null,
  reference   numeric(10,2),
  raised_at   timestamptz   not null,
  unique (market_code, commodity, day, kind)
);
