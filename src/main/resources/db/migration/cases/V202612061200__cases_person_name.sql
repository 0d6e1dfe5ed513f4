-- The case picker finds cases by the first characters of their person's name inside a scope.
create index case_report_person_name on case_report (person_name text_pattern_ops, jurisdiction_path);
