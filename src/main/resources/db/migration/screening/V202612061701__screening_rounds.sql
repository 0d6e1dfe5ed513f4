-- Rolling door-to-door screening (滚动排查). A round takes a snapshot of the registry's households in
-- its scope when it starts (screening_target), so that "not visited" names households, not guesses;
-- each visit is one row per round and household (a second worker at the same door finds the first
-- visit) and one update of the community's rollup row, which coverage reads.
create table screening_round (
  id                    uuid          primary key,
  name                  varchar(100)  not null,
  state                 varchar(10)   not null,
  starts_at             timestamptz   not null,
  ends_at               timestamptz   not null,
  targets               varchar(100)  not null,
  questionnaire_version int           not null,
  created_at            timestamptz   not null,
  created_by            varchar(50)   not null,
  started_at            timestamptz,
  closed_at             timestamptz,
  closed_complete       boolean
);

create table screening_round_scope (
  round_id          uuid        not null references screening_round (id),
  jurisdiction_code varchar(20) not null,
  jurisdiction_path text        collate "C" not null,
  primary key (round_id, jurisdiction_code)
);

create table screening_target (
  round_id          uuid         not null references screening_round (id),
  household_id      uuid         not null,
  address           varchar(200) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  building          int,
  unit              int,
  residents         int          not null,
  primary key (round_id, household_id)
);
create index screening_target_list on screening_target (round_id, jurisdiction_path, building, unit, address);

-- street staff assign each community of a round to a grid worker
create table screening_assignment (
  round_id          uuid        not null references screening_round (id),
  jurisdiction_code varchar(20) not null,
  jurisdiction_path text        collate "C" not null,
  username          varchar(50) not null,
  assigned_at       timestamptz not null,
  assigned_by       varchar(50) not null,
  primary key (round_id, jurisdiction_code)
);
create index screening_assignment_user on screening_assignment (username, round_id);

create table screening_visit (
  id                uuid         primary key,
  round_id          uuid         not null references screening_round (id),
  household_id      uuid         not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  visited_at        timestamptz  not null,
  visitor           varchar(50)  not null,
  method            varchar(10)  not null,
  outcome           varchar(12)  not null,
  persons_seen      int          not null,
  seen_person_ids   uuid[]       not null,
  attempts          int          not null,
  revisit_due_at    timestamptz,
  leaflet_delivered boolean      not null,
  note              varchar(500),
  constraint screening_visit_once unique (round_id, household_id)
);

-- per round and community: the target (households, residents) and what the visits found so far
create table screening_rollup (
  round_id          uuid        not null references screening_round (id),
  jurisdiction_path text        collate "C" not null,
  households        int         not null,
  residents         int         not null,
  documented        int         not null default 0,
  all_seen          int         not null default 0,
  nobody_home       int         not null default 0,
  persons_seen      int         not null default 0,
  primary key (round_id, jurisdiction_path)
);

create table screening_finding (
  id                uuid         primary key,
  round_id          uuid         not null references screening_round (id),
  visit_id          uuid         not null references screening_visit (id),
  household_id      uuid         not null,
  person_id         uuid,
  person_name       varchar(50)  not null,
  category          varchar(30)  not null,
  temperature       numeric(3, 1),
  detail            varchar(500),
  address           varchar(200) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  state             varchar(10)  not null,
  required_action   varchar(30)  not null,
  raised_at         timestamptz  not null,
  action_due_at     timestamptz  not null,
  action            varchar(30),
  action_ref        varchar(60),
  placed            varchar(200),
  status_note       varchar(500),
  actioned_at       timestamptz,
  actioned_by       varchar(50),
  closed_at         timestamptz,
  overdue_notified_at timestamptz
);
create index screening_finding_scope on screening_finding (jurisdiction_path, state, raised_at);
create index screening_finding_due on screening_finding (action_due_at) where state = 'OPEN' and overdue_notified_at is null;
