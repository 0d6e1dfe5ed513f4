-- The phone of a verification item without a purchase record (a tip-off's, TIP_OFF_PURCHASE): the matched person's
-- phone in the registry when the item was opened, so that the community worker has a number to call. Items of a
-- purchase keep taking the phone typed at the counter (sentinel_purchase.phone).
alter table sentinel_verification add column phone varchar(30);
