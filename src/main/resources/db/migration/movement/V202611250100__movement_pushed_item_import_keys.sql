-- Fewer indexes on the import path of pushed lists (every new item is PUSHED, so it enters every
-- index that is not restricted to closed items):
-- * one dedupe key instead of two: an open item is unique per document (any list) through
--   pushed_item_open_doc; a closed item keeps its list from pushing the document again through a
--   look-up of closed items only (the import checks it), an index new items never enter;
-- * no (state, path) index: the lists order by push time over a whole scope, which neither path
--   index serves in order, and the overdue job reads the open items of every district anyway.
drop index pushed_item_list_doc;
drop index pushed_item_state_path;
create index pushed_item_closed_list_doc on pushed_item (list_ref, doc_key) where state in ('FEEDBACK_SENT', 'AUDITED');
