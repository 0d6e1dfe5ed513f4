-- The consultation log of a case's expert team (会诊记录): one line per consultation, its date, what was
-- found and the plan; kept under the case's assignment, read in the case's jurisdiction.
create table treatment_consultation (
  id                uuid          primary key,
  case_id           uuid          not null references treatment_case_expert (case_id),
  team_id           uuid          not null references treatment_expert_team (id),
  consulted_on      date          not null,
  summary           varchar(2000) not null,
  plan              varchar(2000),
  jurisdiction_path text          collate "C" not null,
  recorded_by       varchar(64)   not null,
  recorded_at       timestamptz   not null
);
create index treatment_consultation_case on treatment_consultation (case_id, consulted_on desc, recorded_at desc);
