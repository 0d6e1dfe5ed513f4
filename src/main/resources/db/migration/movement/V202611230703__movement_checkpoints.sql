-- Checkpoints (卡口/通道, DOMAIN.md §8): traffic checkpoints and stations that register arrivals, and
-- green-channel passes for supply vehicles, each passage recorded.
create table checkpoint (
  id                uuid primary key,
  code              text not null unique,
  name              text not null,
  kind              text not null,
  jurisdiction_code text not null,
  created_at        timestamptz not null
);

alter table arrival add column checkpoint_code text references checkpoint (code);

create table green_pass (
  pass_number text primary key,
  plate       text not null,
  cargo       text not null,
  valid_from  date not null,
  valid_to    date not null,
  issued_by   text not null,
  issued_at   timestamptz not null
);
create index green_pass_plate on green_pass (plate);

create table green_pass_passage (
  id              bigserial primary key,
  pass_number     text not null references green_pass (pass_number),
  checkpoint_code text not null references checkpoint (code),
  at              timestamptz not null,
  username        text not null
);
create index green_pass_passage_pass on green_pass_passage (pass_number, at);
