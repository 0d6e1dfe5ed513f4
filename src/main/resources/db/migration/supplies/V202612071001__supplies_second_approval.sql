-- A request worth more than the second-approval value (approved quantity × the item's reference price)
-- needs a second approval: the item's reference price, who gave the first approval and the approved value.
alter table supply_item add column unit_price numeric(12,2);
alter table supply_request add column first_approved_by varchar(100);
alter table supply_request add column first_approved_at timestamptz;
alter table supply_request add column approved_value numeric(16,2);
