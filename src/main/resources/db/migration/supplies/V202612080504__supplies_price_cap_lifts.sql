-- Lifted markup caps: a cap no longer in force keeps its history here (what it was, who set it, who lifted it,
-- when and why); the cap in force stays in price_cap.
create table price_cap_lift (
  id                uuid          primary key,
  commodity         varchar(30)   not null,
  market_code       varchar(30)   not null,
  jurisdiction_path text          collate "C" not null,
  purchase_price    numeric(8,2)  not null,
  max_markup_pct    numeric(6,2)  not null,
  set_by            varchar(100)  not null,
  set_at            timestamptz   not null,
  lifted_by         varchar(100)  not null,
  lifted_at         timestamptz   not null,
  reason            varchar(500)
);
create index price_cap_lift_scope on price_cap_lift (jurisdiction_path, lifted_at desc);
