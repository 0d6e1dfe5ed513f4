-- Entity-bound roles (shared.EntityBindings): the lab operators who report for a lab. A lab operator's
-- results (the results import, FHIR Observations) land only for the labs they are bound to.
create table labtest_lab_staff (
  lab_code varchar(40) collate "C" not null references labtest_lab (code),
  username varchar(64) not null,
  bound_by varchar(64) not null,
  bound_at timestamptz not null,
  primary key (lab_code, username)
);
create index labtest_lab_staff_user on labtest_lab_staff (username, lab_code);
