-- Risk areas (DOMAIN.md §8): designated by the command office, level per the rule set in force,
-- the last new infection date (positives found under control excluded), downgrade proposals
-- approved by the command office with a published notice. Every change is kept in the history.
create table risk_area (
  id                 uuid primary key,
  name               text not null,
  level              text not null,
  jurisdiction_code  text not null,
  jurisdiction_path  text collate "C" not null,
  boundary           text,
  designated_at      timestamptz not null,
  designated_by      text not null,
  -- the first day of the present level; with the last new infection it anchors the downgrade count
  level_since        date not null,
  came_from_high     boolean not null default false,
  last_new_case_date date,
  version            int not null default 0
);
create index risk_area_level on risk_area (level, jurisdiction_path);
create index risk_area_path on risk_area (jurisdiction_path);

create table risk_area_proposal (
  id           uuid primary key,
  area_id      uuid not null references risk_area (id),
  from_level   text not null,
  to_level     text not null,
  rule_set     text not null,
  proposed_for date not null,
  state        text not null,
  notice       text,
  proposed_at  timestamptz not null,
  decided_at   timestamptz,
  decided_by   text
);
-- one open proposal per area at a time
create unique index risk_area_proposal_open on risk_area_proposal (area_id) where state = 'PROPOSED';
create index risk_area_proposal_area on risk_area_proposal (area_id, proposed_at);

create table risk_area_event (
  id        bigserial primary key,
  area_id   uuid not null references risk_area (id),
  at        timestamptz not null,
  username  text not null,
  kind      text not null,
  day       date,
  from_level text,
  to_level  text,
  detail    text
);
create index risk_area_event_area on risk_area_event (area_id, id);
