-- Rewards need four eyes (tipoff.md): who proposed a reward and who approved it; the proposer may not approve.
-- Existing rows: reward_decided_by held the proposer until the decision, then the decider.
alter table tipoff add column reward_proposed_by varchar(50);
alter table tipoff add column reward_approved_by varchar(50);
update tipoff set reward_proposed_by = reward_decided_by where state = 'REWARD_PROPOSED';
update tipoff set reward_approved_by = reward_decided_by
  where state in ('REWARD_APPROVED', 'REWARD_PAID') or (state = 'CLOSED' and paid_at is not null);
