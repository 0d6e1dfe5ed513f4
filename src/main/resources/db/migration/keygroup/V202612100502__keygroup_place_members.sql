-- Members kept by a place outside the organisation directory (a quarantine site's staff): such a membership has
-- no organisation, carries the place's name in organisation_name and the place's path, and is keyed by the
-- record that keeps it (source_key) so that ending that record ends the membership.
alter table keygroup_member alter column organisation_id drop not null;
alter table keygroup_member alter column organisation_code drop not null;
alter table keygroup_member add column source_key varchar(80) collate "C";
create index keygroup_member_source on keygroup_member (source_key) where source_key is not null;
