-- An inspection's findings corrected in place by market regulation (a wrong word, a missing detail): who corrected
-- them last, when and why, and the findings as first recorded (kept once, whatever the corrections after), which a
-- row of the inspection register under its number may still state.
alter table sentinel_inspection add column corrected_at timestamptz;
alter table sentinel_inspection add column corrected_by varchar(50);
alter table sentinel_inspection add column correction_reason varchar(500);
alter table sentinel_inspection add column original_findings varchar(2000);
