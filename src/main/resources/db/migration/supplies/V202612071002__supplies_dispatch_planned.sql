-- A dispatch is planned (vehicle, driver, green pass, departure time) before it leaves: PLANNED → DEPARTED
-- → DELIVERED. A planned dispatch has no departure yet.
alter table supply_dispatch add column planned_at timestamptz;
alter table supply_dispatch alter column departed_at drop not null;
