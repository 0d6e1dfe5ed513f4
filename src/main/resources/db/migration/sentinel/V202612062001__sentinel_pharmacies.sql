-- Pharmacy sentinels (sentinel.md): pharmacies of the organisation directory with their licence and
-- status, the clerks bound to them (an entity-bound role), the drug catalogue (the class is derived
-- from the product), dated sales policies per drug class and jurisdiction, real-name purchase
-- registrations, and the community's verification items for buyers untested within the window.
create table sentinel_pharmacy (
  credit_code       varchar(18)  collate "C" primary key,
  organisation_id   uuid         not null,
  name              varchar(200) not null,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  licence_number    varchar(40)  not null,
  chain             varchar(100),
  status            varchar(20)  not null,
  registered_at     timestamptz  not null,
  registered_by     varchar(50)  not null
);
create index sentinel_pharmacy_path on sentinel_pharmacy (jurisdiction_path);

create table sentinel_pharmacy_clerk (
  credit_code varchar(18) collate "C" not null references sentinel_pharmacy (credit_code),
  username    varchar(50) not null,
  bound_by    varchar(50) not null,
  bound_at    timestamptz not null,
  primary key (credit_code, username)
);
create index sentinel_pharmacy_clerk_user on sentinel_pharmacy_clerk (username);

-- reference data: products by approval number (国药准字) and their class
create table sentinel_drug (
  approval_number varchar(40)  collate "C" primary key,
  product         varchar(100) not null,
  drug_class      varchar(40)  not null
);
insert into sentinel_drug (approval_number, product, drug_class) values
  ('国药准字H10900089', '布洛芬缓释胶囊', 'ANTIPYRETIC_ANALGESIC'),
  ('国药准字H20013062', '对乙酰氨基酚片', 'ANTIPYRETIC_ANALGESIC'),
  ('国药准字H19991011', '复方氨酚烷胺片', 'ANTIPYRETIC_ANALGESIC'),
  ('国药准字H44021565', '复方甘草片', 'COUGH_EXPECTORANT_ANTIASTHMATIC'),
  ('国药准字H20065414', '磷酸奥司他韦胶囊', 'ANTIVIRAL'),
  ('国药准字H10960181', '阿莫西林胶囊', 'ANTIMICROBIAL'),
  ('国药准字Z20040063', '连花清瘟胶囊', 'TCM_HEAT_CLEARING'),
  ('国药准字Z11020356', '感冒清热颗粒', 'TCM_EXTERIOR_RELEASING'),
  ('国药准字Z44020211', '川贝枇杷膏', 'TCM_PHLEGM_COUGH'),
  ('国械注准20152640001', '医用退热贴', 'FEVER_PATCH');

-- a dated rule: from effective_from on, in the jurisdiction's subtree, the class's sales mode; the
-- newest rule in force wins, then the narrowest jurisdiction
create table sentinel_drug_policy (
  id                uuid         primary key,
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  effective_from    date         not null,
  drug_class        varchar(40)  not null,
  mode              varchar(24)  not null,
  note              varchar(500),
  created_at        timestamptz  not null,
  created_by        varchar(50)  not null,
  unique (jurisdiction_code, effective_from, drug_class)
);
create index sentinel_drug_policy_class on sentinel_drug_policy (drug_class, effective_from);

-- test_due_at: set for a REAL_NAME_TEST_72H sale (purchase + window); checked once the verification
-- job has looked at it (tested in time, or an item created)
create table sentinel_purchase (
  id              uuid         primary key,
  pharmacy_code   varchar(18)  collate "C" not null references sentinel_pharmacy (credit_code),
  pharmacy_path   text         collate "C" not null,
  purchased_at    timestamptz  not null,
  person_id       uuid         not null,
  buyer_name      varchar(50)  not null,
  masked_id       varchar(30)  not null,
  phone           varchar(30)  not null,
  buyer_path      text         collate "C" not null,
  approval_number varchar(40)  not null,
  drug_class      varchar(40)  not null,
  quantity        int          not null,
  temperature     numeric(3, 1),
  mode            varchar(24)  not null,
  test_due_at     timestamptz,
  checked         boolean      not null default false,
  recorded_by     varchar(50)  not null,
  recorded_at     timestamptz  not null
);
create index sentinel_purchase_pharmacy on sentinel_purchase (pharmacy_code, recorded_at);
create index sentinel_purchase_due on sentinel_purchase (test_due_at) where test_due_at is not null and not checked;

-- state: OPEN → CONTACTED → CLOSED (outcome); due_at: created_at + the SLA, past it an open item is overdue
create table sentinel_verification (
  id                uuid         primary key,
  purchase_id       uuid         not null unique references sentinel_purchase (id),
  person_id         uuid         not null,
  jurisdiction_path text         collate "C" not null,
  source            varchar(20)  not null,
  purchased_at      timestamptz  not null,
  created_at        timestamptz  not null,
  due_at            timestamptz  not null,
  state             varchar(12)  not null,
  outcome           varchar(24),
  note              varchar(500),
  closed_at         timestamptz,
  closed_by         varchar(50)
);
create index sentinel_verification_scope on sentinel_verification (jurisdiction_path, created_at) where state <> 'CLOSED';
create index sentinel_verification_person on sentinel_verification (person_id) where state <> 'CLOSED';
