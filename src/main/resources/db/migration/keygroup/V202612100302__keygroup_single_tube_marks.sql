-- Compliance marks: a member of a group that requires single tubes found in a pool by the tubes import (the tube
-- is valid). One mark per tube, person and group, so that importing the same file again adds none; counted per
-- organisation in the compliance answer.
create table keygroup_single_tube_mark (
  tube_barcode      varchar(40)  collate "C" not null,
  person_id         uuid         not null,
  group_code        varchar(40)  collate "C" not null references keygroup_group (code),
  member_id         uuid         not null references keygroup_member (id),
  organisation_id   uuid         not null,
  organisation_code varchar(18)  collate "C" not null,
  organisation_name varchar(200) not null,
  jurisdiction_path text         collate "C" not null,
  collected_at      timestamptz  not null,
  marked_at         timestamptz  not null,
  primary key (tube_barcode, person_id, group_code)
);
create index keygroup_single_tube_mark_org on keygroup_single_tube_mark (organisation_code, group_code);
