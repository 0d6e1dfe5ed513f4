-- The symptoms a finding was raised with, as codes (COUGH,FATIGUE), so that pages name them in the
-- reader's language.
alter table screening_finding add column symptoms varchar(200);
