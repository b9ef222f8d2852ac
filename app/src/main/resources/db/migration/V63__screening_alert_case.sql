-- The child-protection case opened from a child's alert (through its intake report).
alter table screening_alert add column case_id bigint;
-- The streaming API answers with the alerts of the records it was given: found by record id, not by a scan.
create index screening_alert_record on screening_alert (record_id);
