-- Verification items from tip-offs (source TIP_OFF_PURCHASE, sentinel.md): a tip-off about an unregistered purchase
-- of fever drugs matched to a registry person puts the buyer on their community's list without a purchase record.
-- tipoff_id: the tip-off (one item per tip-off and person); person_name: the buyer's name from the registry;
-- place: where the tip-off says the purchase happened. purchased_at is then when the tip-off came in.
alter table sentinel_verification alter column purchase_id drop not null;
alter table sentinel_verification add column tipoff_id uuid;
alter table sentinel_verification add column person_name varchar(50);
alter table sentinel_verification add column place varchar(200);
create unique index sentinel_verification_tipoff on sentinel_verification (tipoff_id, person_id)
  where tipoff_id is not null;
