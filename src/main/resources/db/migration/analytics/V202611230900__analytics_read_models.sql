-- Dashboard read models (DOMAIN.md §16), fed by the events of the cases and quarantine modules so
-- that the dashboard never aggregates the personal tables at page load.

-- One small row per case: what it was counted as, so that a reclassification moves the right count
-- and a republished event is recognised (idempotency by case id and current classification).
create table analytics_case (
  case_id         text primary key,
  district_code   text not null,
  district_path   text collate "C" not null,
  classification  text not null,
  imported        boolean not null,
  under_control   boolean not null,
  -- the report-basis day the case is counted on: the report day, or the reclassification day
  counted_on      date not null,
  -- the onset-basis day: the onset date, or the report day when no onset is known (asymptomatic)
  onset_on        date not null
);

-- Daily counts. basis REPORT: by the day a case entered its classification; ONSET: by onset date.
-- conversions: of the cases, how many came from asymptomatic to confirmed that day (无症状转确诊).
create table analytics_daily_count (
  basis           text not null,
  day             date not null,
  district_code   text not null,
  district_path   text collate "C" not null,
  classification  text not null,
  imported        boolean not null,
  under_control   boolean not null,
  cases           int not null default 0,
  conversions     int not null default 0,
  primary key (basis, day, district_code, classification, imported, under_control)
);
create index analytics_daily_count_day on analytics_daily_count (basis, day, district_path);

-- One small row per quarantine order, so that its end decrements the bucket its opening filled.
create table analytics_order (
  order_id        text primary key,
  district_code   text not null,
  district_path   text collate "C" not null,
  reason          text not null,
  regime          text not null,
  ended           boolean not null default false
);

create table analytics_management_count (
  district_code   text not null,
  district_path   text collate "C" not null,
  reason          text not null,
  regime          text not null,
  persons         int not null default 0,
  primary key (district_code, reason, regime)
);
