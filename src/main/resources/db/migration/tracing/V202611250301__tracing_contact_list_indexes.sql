-- Contact lists (ContactStore.inScope) read their page straight off an index at 5 M contacts:
-- - all states: the scope's paths, newest first, id as the tie-break (no sort step);
-- - one tracking state (any of them, not only IDENTIFIED): the state, then the scope's paths in
--   list order. Before, a filter on LOCATED read and sorted a whole community (46 ms at 5 M).
drop index contact_scope;
create index contact_scope on contact (jurisdiction_path, identified_at desc, id);
drop index contact_to_locate;
create index contact_state_scope on contact (tracking_state, jurisdiction_path, identified_at, id);
