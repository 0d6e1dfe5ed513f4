-- Named frontline workers of a staff deployment: a deployment still counts heads, and may name the
-- persons of the registry it sends (with their role); a deployment without names stays valid.
create table treatment_deployment_worker (
  deployment_id uuid         not null references treatment_staff_deployment (id),
  person_id     uuid         not null,
  name          varchar(100) not null,
  role          varchar(20)  not null,
  added_by      varchar(64)  not null,
  added_at      timestamptz  not null,
  primary key (deployment_id, person_id)
);
