-- A medical-service request not dispatched within its urgency's limit is reported once: when it was.
alter table treatment_medical_request add column overdue_notified_at timestamptz;
create index treatment_medical_request_waiting on treatment_medical_request (requested_at)
  where overdue_notified_at is null and status in ('REQUESTED', 'ACCEPTED');
