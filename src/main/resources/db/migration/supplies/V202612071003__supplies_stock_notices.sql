-- The stock alerts sent to inboxes: LOW_STOCK and BELOW_TARGET once per warehouse × item × day, EXPIRING once
-- per lot (its expiry date as the day). A row claims its notice, so a sweep sends it once.
create table supply_stock_notice (
  kind           varchar(20)  not null,
  warehouse_code varchar(30)  not null references supply_warehouse (code),
  item_code      varchar(30)  not null references supply_item (code),
  batch_no       varchar(50)  not null default '',
  day            date         not null,
  notified_at    timestamptz  not null,
  primary key (kind, warehouse_code, item_code, batch_no, day)
);
