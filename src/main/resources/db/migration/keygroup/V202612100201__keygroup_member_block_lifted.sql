-- When a member's told block from duty was last lifted: set by the same statement that clears
-- blocked_notified_at, from the row as it was, so that the statement's returning can say which blocks it lifted
-- (the organisation's staff ledger takes the mark off) without a second pass over the members.
alter table keygroup_member add column block_lifted_at timestamptz;
