-- Price rules: the baseline date the command office sets for a division (a price 20 % or more above the mean of
-- the 7 days before it raises PRICE_ABOVE_BASELINE), and markup caps per commodity, for all markets ('') or one
-- market, over a purchase price (a price above purchase × (1 + cap) raises MARKUP_EXCEEDED).
create table price_baseline (
  jurisdiction_code varchar(20)   primary key,
  jurisdiction_path text          collate "C" not null,
  baseline_date     date          not null,
  set_by            varchar(100)  not null,
  set_at            timestamptz   not null
);

create table price_cap (
  commodity         varchar(30)   not null,
  market_code       varchar(30)   not null default '',
  jurisdiction_path text          collate "C" not null,
  purchase_price    numeric(8,2)  not null check (purchase_price > 0),
  max_markup_pct    numeric(6,2)  not null check (max_markup_pct >= 0),
  set_by            varchar(100)  not null,
  set_at            timestamptz   not null,
  primary key (commodity, market_code)
);
