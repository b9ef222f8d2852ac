-- The at-risk child an alert matched (its best candidate), so the register lets screening officers
-- read only children who appear in an alert; and the intake report a child's alert was referred to.
alter table screening_alert add column at_risk_person_id bigint;
alter table screening_alert add column intake_id bigint;
create index screening_alert_at_risk on screening_alert (at_risk_person_id);
