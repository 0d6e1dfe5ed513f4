-- Clinic deadlines (sentinel.md, "村报告、乡采样、县检测"): a visit without a tube must be sampled or
-- reported to the township health centre within the report window (2 h), a sampled visit's result is due
-- within the result window of the sampling (12 h). sampled_at: when the tube was recorded (at the visit or
-- later); reported_at / reported_to: the report to the township; observation_ended_at: 留观 ended.
alter table sentinel_clinic_visit add column sampled_at timestamptz;
alter table sentinel_clinic_visit add column reported_at timestamptz;
alter table sentinel_clinic_visit add column reported_to varchar(100);
alter table sentinel_clinic_visit add column observation_ended_at timestamptz;
update sentinel_clinic_visit set sampled_at = visited_at where tube_barcode is not null;
create index sentinel_clinic_visit_open on sentinel_clinic_visit (clinic_code, visited_at) where result is null;
