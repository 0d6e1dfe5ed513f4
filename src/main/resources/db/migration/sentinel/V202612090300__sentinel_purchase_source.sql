-- Purchases pushed by online sales platforms (import kind drug-purchases, sentinel.md): source COUNTER (the
-- clerk's form) or PLATFORM_PUSH, whose verification items carry that source; source_key: a pushed row's
-- natural key (a digest of pharmacy, buyer's document, product and time), so a re-import adds nothing.
alter table sentinel_purchase add column source varchar(20) not null default 'COUNTER';
alter table sentinel_purchase add column source_key varchar(64) collate "C";
create unique index sentinel_purchase_source_key on sentinel_purchase (source_key) where source_key is not null;
