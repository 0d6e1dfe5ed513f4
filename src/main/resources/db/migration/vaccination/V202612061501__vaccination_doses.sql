-- Doses: one row per person and dose number (no gaps: dose n needs dose n-1). role follows from the
-- primary course of the person's first product (PRIMARY up to it, then BOOSTER, SECOND_BOOSTER).
-- Written by COPY in the import batch's transaction (like the labtest tubes): no foreign keys, the
-- landing checks products, sites and vaccinators against their tables in memory. Ids are time-ordered
-- UUIDs, so the primary key grows at its right edge.
create table vaccination_dose (
  id               uuid        primary key,
  person_id        uuid        not null,
  dose_number      smallint    not null check (dose_number between 1 and 9),
  role             varchar(16) not null,
  product_code     varchar(40) not null,
  batch            varchar(40),
  dose_date        date        not null,
  site_code        varchar(40),
  vaccinator_code  varchar(40),
  source           varchar(10) not null,
  recorded_by      varchar(64),
  recorded_at      timestamptz not null,
  source_import_id uuid,
  source_line      int,
  constraint vaccination_dose_number unique (person_id, dose_number)
);

-- Per vaccinated person, derived in the transaction that stores their doses: how many, the primary
-- course of the first product, the status that follows and the last dose's date. Persons without a
-- row are UNVACCINATED. birth_year 0: unknown.
create table vaccination_status (
  person_id         uuid        primary key,
  jurisdiction_path text        collate "C" not null,
  birth_year        smallint    not null,
  doses             smallint    not null,
  primary_doses     smallint    not null,
  status            varchar(20) not null,
  last_dose_on      date        not null,
  updated_at        timestamptz not null
);

-- The coverage rollup, kept set-based by the same transactions from the status changes: vaccinated
-- persons per jurisdiction path, year of birth and status. Age bands are reckoned by year of birth
-- (统计年份 − 出生年份, as the campaign notices define their age groups), so the rollup never ages.
create table vaccination_coverage (
  jurisdiction_path text        collate "C" not null,
  birth_year        smallint    not null,
  status            varchar(20) not null,
  persons           bigint      not null,
  primary key (jurisdiction_path, birth_year, status)
);

-- The denominators: residents per jurisdiction path and year of birth, counted from the registry on
-- request, nightly and at start-up when empty (a count of 10 M residents takes seconds, a coverage
-- answer must not).
create table vaccination_population (
  jurisdiction_path text        collate "C" not null,
  birth_year        smallint    not null,
  residents         bigint      not null,
  counted_at        timestamptz not null,
  primary key (jurisdiction_path, birth_year)
);
