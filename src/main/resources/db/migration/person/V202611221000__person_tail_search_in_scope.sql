-- A document-number tail of 4 characters (3-digit sequence + check character) matches about one in
-- 11,000 residents city-wide; with the path in the same index the scope is checked inside the index
-- and only the caller's rows are fetched, in index order.
drop index person_id_tail;
create index person_id_tail_scope on person (reverse(id_number) text_pattern_ops, jurisdiction_path text_pattern_ops);
