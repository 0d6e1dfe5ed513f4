-- Organisations (入单位), construction sites and rentals as round targets with their own list: the
-- directory's organisations in the scope are taken when a round starts, rentals and sites missing from
-- the directory are added by the workers who find them; one visit per round and site.
create table screening_site (
  id                uuid         primary key,
  round_id          uuid         not null references screening_round (id),
  kind              varchar(20)  not null,
  organisation_id   varchar(40),
  credit_code       varchar(18),
  name              varchar(100) not null,
  address           varchar(200),
  jurisdiction_code varchar(20)  not null,
  jurisdiction_path text         collate "C" not null,
  headcount         int          not null,
  contact_name      varchar(50),
  contact_phone     varchar(24),
  added_by          varchar(50),
  constraint screening_site_organisation unique (round_id, organisation_id),
  constraint screening_site_place unique (round_id, jurisdiction_code, kind, name)
);
create index screening_site_list on screening_site (round_id, jurisdiction_path, kind, name);

create table screening_site_visit (
  id                    uuid         primary key,
  round_id              uuid         not null references screening_round (id),
  site_id               uuid         not null references screening_site (id),
  jurisdiction_code     varchar(20)  not null,
  jurisdiction_path     text         collate "C" not null,
  visited_at            timestamptz  not null,
  visitor               varchar(50)  not null,
  method                varchar(10)  not null,
  outcome               varchar(12)  not null,
  staff_present         int          not null,
  ledger_screened       boolean      not null,
  fever                 int          not null,
  symptomatic           int          not null,
  recent_arrivals       int          not null,
  questionnaire_version int          not null,
  attempts              int          not null,
  revisit_due_at        timestamptz,
  leaflet_delivered     boolean      not null,
  note                  varchar(500),
  constraint screening_site_visit_once unique (round_id, site_id)
);

-- coverage counts the sites beside the households; leaflets delivered are the publicity reach
alter table screening_rollup add column sites int not null default 0;
alter table screening_rollup add column sites_documented int not null default 0;
alter table screening_rollup add column leaflets int not null default 0;
alter table screening_rollup add column vulnerable int not null default 0;
update screening_rollup r set leaflets = (select count(*) from screening_visit v where v.round_id = r.round_id
  and v.jurisdiction_path = r.jurisdiction_path and v.leaflet_delivered);

-- a finding comes from a household visit or a site visit
alter table screening_finding alter column visit_id drop not null;
alter table screening_finding alter column household_id drop not null;
alter table screening_finding add column site_visit_id uuid references screening_site_visit (id);

-- the questionnaire as versioned data: a new version supersedes the one in force; a visit keeps the
-- version it answered
create table screening_questionnaire (
  version       int          primary key,
  items         varchar(300) not null,
  arrived_since date,
  note          varchar(200),
  published_at  timestamptz  not null,
  published_by  varchar(50)  not null,
  superseded_at timestamptz
);
insert into screening_questionnaire (version, items, note, published_at, published_by, superseded_at)
values (1, 'TEMPERATURE,SYMPTOMS,RISK_AREA_TRAVEL,CASE_CONTACT,ARRIVED_SINCE,LEAFLET', '首版问卷',
        timestamptz '2026-12-06 00:00:00+08', 'system', timestamptz '2026-12-06 12:00:00+08'),
       (2, 'TEMPERATURE,SYMPTOMS,RISK_AREA_TRAVEL,CASE_CONTACT,ARRIVED_SINCE,VULNERABLE_MEMBER,LEAFLET',
        '增加重点人群问询', timestamptz '2026-12-06 12:00:00+08', 'system', null);

alter table screening_visit add column questionnaire_version int not null default 1;
alter table screening_visit add column vulnerable_person_ids uuid[] not null default '{}';
