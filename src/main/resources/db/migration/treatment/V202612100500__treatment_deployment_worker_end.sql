-- A named worker of a deployment can be taken off it (ended) without losing the record: the row stays with
-- when and by whom it ended, and the person may be named again later (one open row per person and deployment).
alter table treatment_deployment_worker add column ended_at timestamptz;
alter table treatment_deployment_worker add column ended_by varchar(64);
alter table treatment_deployment_worker drop constraint treatment_deployment_worker_pkey;
create unique index treatment_deployment_worker_open on treatment_deployment_worker (deployment_id, person_id)
  where ended_at is null;
create index treatment_deployment_worker_deployment on treatment_deployment_worker (deployment_id);
