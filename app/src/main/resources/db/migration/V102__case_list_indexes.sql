-- Paged case lists and the action-needed inbox with a province's cases: the agency's cases counted from
-- the index alone, the newest cases and the oldest escalations found without sorting them all, and the
-- trafficking cases whose follow-up is due or whose verification clock runs found without reading every case.
create index cp_case_agency_unit on cp_case (owning_agency_code, unit_code);
create index cp_case_opened on cp_case (opened_at, id);
create index case_escalation_agency_created on case_escalation (agency_code, created_at, id);
create index tc_follow_up_case on tc_follow_up (case_id, done_on);
create index tc_case_verification on tc_case (verification_met_at, verification_due_at);
