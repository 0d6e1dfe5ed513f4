-- Quarantine rule sets as data (DOMAIN.md §6). A rule set never changes once saved: an amended
-- protocol is a new rule set with its own code and effective date, so the code an order records
-- is the exact version it was computed with.
create table quarantine_rule_set (
  code               varchar(40)  primary key,
  name_zh            varchar(100) not null,
  name_en            varchar(100) not null,
  effective_from     date         not null,
  look_back_days     int          not null check (look_back_days between 0 and 30),
  secondary_contacts boolean      not null,
  builtin            boolean      not null default false,
  created_by         varchar(50),
  created_at         timestamptz  not null default now()
);

-- One row per reason the rule set manages; a reason without a row is not managed (→ 400).
-- phases: 'REGIME:days' in order, comma-separated; test days count from the anchor (day 0).
create table quarantine_reason_rule (
  rule_set_code       varchar(40) not null references quarantine_rule_set (code),
  reason              varchar(40) not null,
  phases              varchar(200) not null,
  test_days           int[]       not null,
  dual_reagent_days   int[]       not null default '{}',
  release_on_negative boolean     not null default false,
  primary key (rule_set_code, reason)
);

insert into quarantine_rule_set (code, name_zh, name_en, effective_from, look_back_days, secondary_contacts, builtin) values
  ('V8', '新冠肺炎防控方案（第八版）', 'Prevention and control protocol, edition 8', '2021-05-11', 2, true, true),
  ('V9', '新冠肺炎防控方案（第九版）', 'Prevention and control protocol, edition 9', '2022-06-28', 4, true, true),
  ('TWENTY_MEASURES', '进一步优化防控工作的二十条措施', 'Twenty measures to optimise prevention and control', '2022-11-11', 4, false, true),
  ('TEN_MEASURES', '进一步优化落实防控措施的通知（新十条）', 'Ten measures to further optimise prevention and control', '2022-12-07', 4, false, true);

insert into quarantine_reason_rule (rule_set_code, reason, phases, test_days, dual_reagent_days, release_on_negative) values
  -- ed. 8: close contacts 14 d centralized + 7 d home monitoring; day 14 needs two reagents (双采双检)
  ('V8', 'CLOSE_CONTACT', 'CENTRALIZED:14,HOME_MONITORING:7', '{1,4,7,14,16,21}', '{14}', false),
  ('V8', 'SECONDARY_CONTACT', 'CENTRALIZED:7', '{1,4,7}', '{}', false),
  ('V8', 'POSITIVE_POOL', 'HOME_ISOLATION:2', '{1}', '{}', true),
  ('V8', 'OTHER', 'HOME_MONITORING:7', '{1,7}', '{}', false),
  -- ed. 9: close contacts 7 d centralized + 3 d home monitoring; secondary 7 d home isolation
  ('V9', 'CLOSE_CONTACT', 'CENTRALIZED:7,HOME_MONITORING:3', '{1,2,3,5,7,10}', '{}', false),
  ('V9', 'SECONDARY_CONTACT', 'HOME_ISOLATION:7', '{1,4,7}', '{}', false),
  ('V9', 'HIGH_RISK_AREA_ARRIVAL', 'CENTRALIZED:7', '{1,2,3,5,7}', '{}', false),
  ('V9', 'MEDIUM_RISK_AREA_ARRIVAL', 'HOME_ISOLATION:7', '{1,4,7}', '{}', false),
  ('V9', 'LOW_RISK_AREA_ARRIVAL', 'SELF_MONITORING:3', '{1,3}', '{}', false),
  ('V9', 'INBOUND_TRAVEL', 'CENTRALIZED:7,HOME_MONITORING:3', '{1,2,3,5,7,10}', '{}', false),
  ('V9', 'POSITIVE_POOL', 'HOME_ISOLATION:2', '{1}', '{}', true),
  ('V9', 'OTHER', 'HOME_MONITORING:7', '{1,7}', '{}', false),
  -- 20 measures: 5 d centralized + 3 d home isolation; secondary contacts no longer determined
  ('TWENTY_MEASURES', 'CLOSE_CONTACT', 'CENTRALIZED:5,HOME_ISOLATION:3', '{1,2,3,5,6,8}', '{}', false),
  ('TWENTY_MEASURES', 'HIGH_RISK_AREA_ARRIVAL', 'HOME_ISOLATION:7', '{1,3,5,7}', '{}', false),
  ('TWENTY_MEASURES', 'INBOUND_TRAVEL', 'CENTRALIZED:5,HOME_ISOLATION:3', '{1,2,3,5,6,8}', '{}', false),
  ('TWENTY_MEASURES', 'POSITIVE_POOL', 'HOME_ISOLATION:2', '{1}', '{}', true),
  ('TWENTY_MEASURES', 'OTHER', 'HOME_MONITORING:7', '{1,7}', '{}', false),
  -- 10 measures: 5 d home isolation, test on day 5, released on a negative result
  ('TEN_MEASURES', 'CLOSE_CONTACT', 'HOME_ISOLATION:5', '{5}', '{}', true),
  ('TEN_MEASURES', 'POSITIVE_POOL', 'HOME_ISOLATION:2', '{1}', '{}', true),
  ('TEN_MEASURES', 'OTHER', 'HOME_MONITORING:7', '{1,7}', '{}', false);
