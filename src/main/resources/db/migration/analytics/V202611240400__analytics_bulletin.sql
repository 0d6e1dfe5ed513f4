-- The public bulletin (信息发布, DOMAIN.md §16): one per day, drafted from the read models, edited and
-- approved by the command office, then published. Counts and area names only: no personal data.
create table analytics_bulletin (
  day                       date primary key,
  jurisdiction_code         text not null,
  jurisdiction_path         text collate "C" not null,
  area_name                 text not null,
  state                     text not null check (state in ('DRAFT', 'APPROVED', 'PUBLISHED')),
  text                      text not null,
  local_confirmed           int not null,
  conversions               int not null,
  local_asymptomatic        int not null,
  imported_confirmed        int not null,
  imported_asymptomatic     int not null,
  created_by                text not null,
  created_at                timestamptz not null,
  updated_by                text not null,
  updated_at                timestamptz not null,
  approved_by               text,
  approved_at               timestamptz,
  published_at              timestamptz
);

create index analytics_bulletin_published on analytics_bulletin (day desc) where state = 'PUBLISHED';
