package vn.childguard.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;
import vn.childguard.shared.retention.TimestampTriggers;

/**
 * Closed child-protection cases for the retention job. Anonymising removes what is said about the child
 * and family (forms, notes, attachments, free-text reasons) and keeps the case row, its dates, codes,
 * deadlines and referrals, so the reporting read model still counts the case.
 */
@Component
class CaseRetention implements RetainedRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "CP_CASE_CLOSED";
    }

    @Override
    public Set<RetentionAction> actions() {
        return Set.of(RetentionAction.ANONYMISE);
    }

    @Override
    public List<Candidate> triggeredBetween(Instant from, Instant to) {
        return TimestampTriggers.between(jdbc, "cp_case", "closed_at", "status = 'CLOSED' and anonymised_at is null",
                from, to);
    }

    @Override
    public Set<Long> apply(RetentionAction action, long id) {
        if (action != RetentionAction.ANONYMISE) {
            throw new IllegalArgumentException("Unsupported retention action " + action);
        }
        int updated = jdbc.sql("update cp_case set anonymised_at = :now, version = version + 1 "
                        + "where id = :id and status = 'CLOSED' and anonymised_at is null")
                .param("now", utc(clock.instant())).param("id", id).update();
        if (updated == 0) {
            return Set.of();
        }
        Set<Long> people = new LinkedHashSet<>(jdbc.sql("select child_person_id from cp_case where id = :id")
                .param("id", id).query(Long.class).list());
        people.addAll(jdbc.sql("select person_id from consent where case_id = :id and person_id is not null")
                .param("id", id).query(Long.class).list());
        jdbc.sql("delete from case_form where case_id = :id").param("id", id).update();
        jdbc.sql("delete from case_note where case_id = :id").param("id", id).update();
        jdbc.sql("delete from case_attachment where case_id = :id").param("id", id).update();
        jdbc.sql("update consent set purpose = '' where case_id = :id").param("id", id).update();
        jdbc.sql("update referral set reason = '', response_reason = null, report_back = null where case_id = :id")
                .param("id", id).update();
        jdbc.sql("update case_deadline set waived_reason = null, extension_reason = null where case_id = :id")
                .param("id", id).update();
        jdbc.sql("update case_transfer set reason = '' where case_id = :id").param("id", id).update();
        return people;
    }

    @Override
    public boolean namesPerson(long personId) {
        return jdbc.sql("select count(*) from cp_case c where c.anonymised_at is null and (c.child_person_id = :p "
                        + "or exists (select 1 from consent k where k.case_id = c.id and k.person_id = :p))")
                .param("p", personId).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
