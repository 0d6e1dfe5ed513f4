-- Vaccination master data. Vaccine products are national facts, seeded here as the rule sets of the
-- quarantine module are, and kept as data (administrators add, correct and retire them): primary
-- course length, the minimum interval between primary doses, the booster intervals and the approved
-- age range decide whether a dose is accepted. Sites and vaccinators are the city's own, kept through
-- pages, the API and the vaccination-sites / vaccinators imports. Retiring keeps the record (doses keep
-- pointing to it) and refuses new doses: retired_at set. source_import_id / source_line: the import and
-- line that last wrote a record (a code twice in one file is a row error).
create table vaccination_product (
  code                           varchar(40)  primary key,
  name                           varchar(100) not null,
  manufacturer                   varchar(100) not null,
  platform                       varchar(30)  not null,
  cvx                            varchar(10),
  primary_doses                  smallint     not null check (primary_doses between 1 and 5),
  min_interval_days              smallint     not null check (min_interval_days between 0 and 365),
  booster_interval_months        smallint     not null check (booster_interval_months between 0 and 60),
  second_booster_interval_months smallint     not null check (second_booster_interval_months between 0 and 60),
  min_age                        smallint     not null check (min_age between 0 and 120),
  max_age                        smallint     check (max_age between 0 and 120),
  retired_at                     timestamptz,
  created_at                     timestamptz  not null,
  updated_at                     timestamptz  not null,
  constraint vaccination_product_name unique (name, manufacturer)
);
create unique index vaccination_product_cvx on vaccination_product (cvx) where cvx is not null;

-- CVX codes as published by CDC (non-US products 506, 507, 510, 511, 516); intervals as the national
-- technical guidance of 2021–2022 set them: inactivated 2 doses ≥ 3 weeks apart (康泰 ≥ 4 weeks),
-- Ad5 one dose, recombinant protein 3 doses ≥ 4 weeks apart; a booster ≥ 3 months after the primary
-- course, a second booster ≥ 6 months after the first (Dec 2022). Approved ages as in force in late 2022.
insert into vaccination_product (code, name, manufacturer, platform, cvx, primary_doses, min_interval_days,
  booster_interval_months, second_booster_interval_months, min_age, max_age, created_at, updated_at) values
  ('BIBP', '新冠病毒灭活疫苗（Vero细胞）', '北京生物制品研究所有限责任公司', 'INACTIVATED', '510', 2, 21, 3, 6, 3, null, now(), now()),
  ('WIBP', '新冠病毒灭活疫苗（Vero细胞）', '武汉生物制品研究所有限责任公司', 'INACTIVATED', null, 2, 21, 3, 6, 3, null, now(), now()),
  ('SINOVAC', '新冠病毒灭活疫苗（Vero细胞）', '北京科兴中维生物技术有限公司', 'INACTIVATED', '511', 2, 21, 3, 6, 3, null, now(), now()),
  ('KCONVAC', '新冠病毒灭活疫苗（Vero细胞）', '深圳康泰生物制品股份有限公司', 'INACTIVATED', '516', 2, 28, 3, 6, 18, null, now(), now()),
  ('CANSINO', '重组新型冠状病毒疫苗（5型腺病毒载体）', '康希诺生物股份公司', 'ADENOVIRUS_VECTOR', '506', 1, 0, 3, 6, 18, null, now(), now()),
  ('ZF2001', '重组新型冠状病毒蛋白疫苗（CHO细胞）', '安徽智飞龙科马生物制药有限公司', 'RECOMBINANT_PROTEIN', '507', 3, 28, 3, 6, 18, null, now(), now());

create table vaccination_site (
  code              varchar(40)  primary key,
  name              varchar(100) not null,
  organisation      varchar(100),
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  address           varchar(200),
  contact_phone     varchar(30),
  mobile            boolean      not null default false,
  retired_at        timestamptz,
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  source_import_id  uuid,
  source_line       int
);
create index vaccination_site_scope on vaccination_site (jurisdiction_path, code);

-- username: the staff account (role VACCINATOR) that records doses as this vaccinator, at this site
create table vaccination_vaccinator (
  code             varchar(40)  primary key,
  name             varchar(50)  not null,
  site_code        varchar(40)  not null references vaccination_site (code),
  username         varchar(64)  unique,
  phone            varchar(30),
  certificate      varchar(40),
  retired_at       timestamptz,
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  source_import_id uuid,
  source_line      int
);
create index vaccination_vaccinator_site on vaccination_vaccinator (site_code, code);

-- Coverage targets as data: per age band and measure, the share of residents to reach. Dec 2022
-- (DOMAIN.md §9): 80+ first dose ≥ 90 %; 60–79 full course and booster ≥ 95 %.
create table vaccination_coverage_target (
  age_band varchar(20)  not null,
  measure  varchar(20)  not null,
  percent  numeric(5, 2) not null check (percent between 0 and 100),
  primary key (age_band, measure)
);
insert into vaccination_coverage_target (age_band, measure, percent) values
  ('AGE_80_PLUS', 'FIRST_DOSE', 90),
  ('AGE_70_79', 'PRIMARY_COMPLETE', 95),
  ('AGE_70_79', 'BOOSTED', 95),
  ('AGE_60_69', 'PRIMARY_COMPLETE', 95),
  ('AGE_60_69', 'BOOSTED', 95);
