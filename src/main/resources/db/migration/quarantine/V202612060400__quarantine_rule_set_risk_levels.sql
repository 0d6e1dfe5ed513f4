-- Risk-area rules as fields of a rule set (DOMAIN.md §8): which levels an area may have and after
-- how many days without a new infection it comes down a level. A step that does not exist in the
-- level family stays null: with HIGH/MEDIUM/LOW the first three, with HIGH/LOW only high_to_low.
alter table quarantine_rule_set
  add column risk_levels                  text[],
  add column high_to_medium_days          int check (high_to_medium_days between 1 and 60),
  add column medium_to_low_days           int check (medium_to_low_days between 1 and 60),
  add column medium_to_low_from_high_days int check (medium_to_low_from_high_days between 1 and 60),
  add column high_to_low_days             int check (high_to_low_days between 1 and 60);

-- ed. 9 (and ed. 8 before it): HIGH → MEDIUM after 7 days; MEDIUM → LOW after 7, or 3 when it came
-- down from HIGH
update quarantine_rule_set set risk_levels = '{HIGH,MEDIUM,LOW}', high_to_medium_days = 7, medium_to_low_days = 7,
  medium_to_low_from_high_days = 3
where code in ('V8', 'V9');

-- 20 measures, and the 10 measures after them: only HIGH and LOW; HIGH → LOW after 5 days
update quarantine_rule_set set risk_levels = '{HIGH,LOW}', high_to_low_days = 5
where code in ('TWENTY_MEASURES', 'TEN_MEASURES');

-- custom rule sets saved before: the family the platform gave them until now, by effective date
update quarantine_rule_set set risk_levels = '{HIGH,LOW}', high_to_low_days = 5
where risk_levels is null and effective_from >= date '2022-11-11';
update quarantine_rule_set set risk_levels = '{HIGH,MEDIUM,LOW}', high_to_medium_days = 7, medium_to_low_days = 7,
  medium_to_low_from_high_days = 3
where risk_levels is null;

alter table quarantine_rule_set
  alter column risk_levels set not null,
  add constraint quarantine_rule_set_risk_levels check (
    (risk_levels = '{HIGH,MEDIUM,LOW}' and high_to_medium_days is not null and medium_to_low_days is not null
      and medium_to_low_from_high_days is not null and high_to_low_days is null)
    or (risk_levels = '{HIGH,LOW}' and high_to_low_days is not null and high_to_medium_days is null
      and medium_to_low_days is null and medium_to_low_from_high_days is null));
