-- When a record was anonymised by the retention job (null while it keeps its identity), so the job
-- never does it twice and pages can say so. A student's leaving date starts their retention period.
alter table cp_case add column anonymised_at timestamp with time zone;
alter table tc_case add column anonymised_at timestamp with time zone;
alter table intake_report add column anonymised_at timestamp with time zone;
alter table person add column anonymised_at timestamp with time zone;
alter table prevention_student add column anonymised_at timestamp with time zone;
alter table prevention_student add column left_school_on date;
