-- The lab operator's home card counts tubes still waiting for a result (and those sampled more than a
-- day ago): a partial index keeps that a short read however many tubes have been resulted.
create index labtest_tube_awaiting on labtest_tube (collected_at) where state <> 'RESULTED';
