-- Supplies (物资保障): items, warehouses with their keepers, stock lots and the append-only stock ledger,
-- daily use, and requests from units through approval, allocation, dispatch and receipt.

create table supply_item (
  code                 varchar(30)   primary key,
  name_zh              varchar(100)  not null,
  name_en              varchar(100)  not null,
  category             varchar(30)   not null,
  unit                 varchar(10)   not null,
  standard             varchar(50),
  shelf_life_days      int,
  per_capita_daily_use numeric(10,3),
  necessity            boolean       not null default false,
  min_on_hand          bigint        not null default 0,
  retired_at           timestamptz,
  created_at           timestamptz   not null,
  updated_at           timestamptz   not null
);

-- A warehouse may name its entry in the organisation directory (kind WAREHOUSE) by credit code.
create table supply_warehouse (
  code              varchar(30)   primary key,
  name              varchar(100)  not null,
  kind              varchar(30)   not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  address           varchar(200),
  organisation_code varchar(18),
  target_days       int           not null,
  retired_at        timestamptz,
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null
);
create index supply_warehouse_scope on supply_warehouse (jurisdiction_path);

-- Warehouse keepers (WAREHOUSE_OPERATOR): an entity-bound role.
create table supply_warehouse_keeper (
  warehouse_code varchar(30)  not null references supply_warehouse (code),
  username       varchar(100) not null,
  bound_by       varchar(100) not null,
  bound_at       timestamptz  not null,
  primary key (warehouse_code, username)
);
create index supply_warehouse_keeper_user on supply_warehouse_keeper (username);

-- One lot: an item's batch in a warehouse. on_hand changes only together with a ledger row, in one
-- guarded statement (on_hand >= :q), and can never go below zero.
create table supply_stock_lot (
  id             uuid          primary key,
  item_code      varchar(30)   not null references supply_item (code),
  warehouse_code varchar(30)   not null references supply_warehouse (code),
  batch_no       varchar(50)   not null,
  expiry_date    date,
  on_hand        bigint        not null check (on_hand >= 0),
  source         varchar(30)   not null,
  supplier       varchar(100),
  certificate_ok boolean       not null default true,
  unit_price     numeric(12,2),
  created_at     timestamptz   not null,
  unique (warehouse_code, item_code, batch_no)
);
create index supply_stock_lot_item on supply_stock_lot (item_code, warehouse_code);

-- The stock ledger: append-only (a trigger refuses updates and deletes).
create table supply_stock_movement (
  id        bigserial     primary key,
  lot_id    uuid          not null references supply_stock_lot (id),
  kind      varchar(30)   not null,
  quantity  bigint        not null,
  reference varchar(60),
  username  varchar(100)  not null,
  at        timestamptz   not null,
  note      varchar(500)
);
create index supply_stock_movement_lot on supply_stock_movement (lot_id, at);

create function supply_stock_movement_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'supply_stock_movement is append-only';
end $$;
create trigger supply_stock_movement_append_only before update or delete on supply_stock_movement
  for each row execute function supply_stock_movement_append_only();

-- Daily use per warehouse × item × day, kept in the issuing transaction (ISSUE and ALLOCATION_OUT).
create table supply_daily_use (
  warehouse_code varchar(30) not null,
  item_code      varchar(30) not null,
  day            date        not null,
  quantity       bigint      not null,
  primary key (warehouse_code, item_code, day)
);

create table supply_request (
  id                uuid          primary key,
  number            varchar(20)   not null unique,
  unit_name         varchar(100)  not null,
  jurisdiction_code varchar(20)   not null,
  jurisdiction_path text          collate "C" not null,
  priority          varchar(10)   not null,
  purpose           varchar(500)  not null,
  state             varchar(30)   not null,
  reason            varchar(500),
  warehouse_code    varchar(30)   references supply_warehouse (code),
  created_by        varchar(100)  not null,
  created_at        timestamptz   not null,
  submitted_at      timestamptz,
  approve_due       timestamptz,
  deliver_due       timestamptz,
  decided_by        varchar(100),
  decided_at        timestamptz,
  allocated_at      timestamptz,
  closed_at         timestamptz,
  overdue_approval_notified_at timestamptz,
  overdue_delivery_notified_at timestamptz,
  updated_at        timestamptz   not null
);
create index supply_request_scope on supply_request (jurisdiction_path);
create index supply_request_open on supply_request (state, approve_due);

create table supply_request_line (
  request_id uuid        not null references supply_request (id),
  item_code  varchar(30) not null references supply_item (code),
  requested  bigint      not null,
  approved   bigint,
  allocated  bigint,
  dispatched bigint,
  received   bigint,
  primary key (request_id, item_code)
);

-- Which lots an allocation took (its ALLOCATION_OUT ledger rows name the request).
create table supply_allocation (
  request_id uuid   not null references supply_request (id),
  lot_id     uuid   not null references supply_stock_lot (id),
  quantity   bigint not null,
  primary key (request_id, lot_id)
);

create table supply_dispatch (
  id                uuid          primary key,
  request_id        uuid          not null unique references supply_request (id),
  warehouse_code    varchar(30)   not null references supply_warehouse (code),
  vehicle_plate     varchar(12)   not null,
  driver            varchar(50)   not null,
  driver_phone      varchar(20)   not null,
  green_pass_number varchar(20)   not null,
  state             varchar(20)   not null,
  departed_at       timestamptz   not null,
  expected_at       timestamptz,
  received_at       timestamptz,
  received_by       varchar(100),
  discrepancy_note  varchar(500)
);

create sequence supply_request_number;
