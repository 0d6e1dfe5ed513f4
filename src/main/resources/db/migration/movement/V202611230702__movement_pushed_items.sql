-- Pushed lists (大数据推送核查, DOMAIN.md §8): one item per person and list, routed to the community of
-- residence (unmatched: a district's desk). doc_key is the document ("RESIDENT_ID:1101...") or, without
-- one, name and phone ("NP:张三:139..."); it carries both dedupe rules as unique indexes.
create table pushed_item (
  id                uuid primary key,
  list_ref          text not null,
  doc_key           text not null,
  id_type           text,
  id_number         text,
  name              text,
  phone             text,
  reason            text,
  source_region     text,
  pushed_at         timestamptz not null,
  person_id         uuid,
  matched_by        text not null,
  jurisdiction_code text not null,
  jurisdiction_path text collate "C" not null,
  state             text not null,
  signed_at         timestamptz,
  outcome           text,
  outcome_at        timestamptz,
  feedback_at       timestamptz,
  note              text,
  import_id         uuid,
  source_line       int,
  updated_at        timestamptz not null
);
-- the same document in the same list once
create unique index pushed_item_list_doc on pushed_item (list_ref, doc_key);
-- the same document pushed again by another list while an item is open: one item
create unique index pushed_item_open_doc on pushed_item (doc_key) where state not in ('FEEDBACK_SENT', 'AUDITED');
create index pushed_item_path on pushed_item (jurisdiction_path, pushed_at desc, id);
create index pushed_item_state_path on pushed_item (state, jurisdiction_path, pushed_at desc);
