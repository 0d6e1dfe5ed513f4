-- The stock board's rollup: per warehouse × item the stock on hand (the sum of its lots) and the use of the
-- window (the sum of supply_daily_use over the days window_end - window_days < day <= window_end). The
-- triggers below keep it in step with every write to the lots and to daily use, so that no write path can
-- forget it; the window moves once a day (StockStore recomputes used_window of every cell, set-based, under
-- the exclusive advisory lock 7301200906, which every trigger takes shared).
create table supply_stock_level (
  warehouse_code varchar(30) not null,
  item_code      varchar(30) not null,
  on_hand        bigint      not null,
  used_window    bigint      not null default 0,
  primary key (warehouse_code, item_code)
);
create index supply_stock_level_item on supply_stock_level (item_code);

-- The window used_window counts (one row); null until the first board read moves it to its day.
create table supply_stock_window (
  id          boolean primary key default true check (id),
  window_end  date,
  window_days int
);
insert into supply_stock_window (id) values (true);

create function supply_stock_level_lot() returns trigger language plpgsql as $$
declare
  w supply_stock_window;
begin
  perform pg_advisory_xact_lock_shared(7301200906);
  if tg_op = 'UPDATE' and new.warehouse_code = old.warehouse_code and new.item_code = old.item_code then
    update supply_stock_level set on_hand = on_hand + new.on_hand - old.on_hand
      where warehouse_code = new.warehouse_code and item_code = new.item_code;
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    update supply_stock_level set on_hand = on_hand - old.on_hand
      where warehouse_code = old.warehouse_code and item_code = old.item_code;
    delete from supply_stock_level s where s.warehouse_code = old.warehouse_code and s.item_code = old.item_code
      and not exists (select 1 from supply_stock_lot l where l.warehouse_code = old.warehouse_code
        and l.item_code = old.item_code);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    select * into w from supply_stock_window;
    insert into supply_stock_level (warehouse_code, item_code, on_hand, used_window)
      values (new.warehouse_code, new.item_code, new.on_hand,
        coalesce((select sum(u.quantity) from supply_daily_use u where u.warehouse_code = new.warehouse_code
          and u.item_code = new.item_code and u.day > w.window_end - w.window_days and u.day <= w.window_end), 0))
      on conflict (warehouse_code, item_code) do update set on_hand = supply_stock_level.on_hand + excluded.on_hand;
  end if;
  return null;
end $$;
create trigger supply_stock_level_lot after insert or update of on_hand, warehouse_code, item_code or delete
  on supply_stock_lot for each row execute function supply_stock_level_lot();

create function supply_stock_level_use() returns trigger language plpgsql as $$
declare
  w supply_stock_window;
  same boolean := tg_op = 'UPDATE' and new.warehouse_code = old.warehouse_code and new.item_code = old.item_code
    and new.day = old.day;
begin
  perform pg_advisory_xact_lock_shared(7301200906);
  select * into w from supply_stock_window;
  if w.window_end is null then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and not same and old.day > w.window_end - w.window_days
      and old.day <= w.window_end then
    update supply_stock_level set used_window = used_window - old.quantity
      where warehouse_code = old.warehouse_code and item_code = old.item_code;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.day > w.window_end - w.window_days and new.day <= w.window_end then
    update supply_stock_level
      set used_window = used_window + new.quantity - case when same then old.quantity else 0 end
      where warehouse_code = new.warehouse_code and item_code = new.item_code;
  end if;
  return null;
end $$;
create trigger supply_stock_level_use after insert or update or delete on supply_daily_use
  for each row execute function supply_stock_level_use();

-- What is in stock already; the use of the window follows at the first board read.
insert into supply_stock_level (warehouse_code, item_code, on_hand)
  select warehouse_code, item_code, sum(on_hand) from supply_stock_lot group by warehouse_code, item_code;
