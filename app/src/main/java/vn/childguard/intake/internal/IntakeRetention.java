package vn.childguard.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;
import vn.childguard.shared.retention.TimestampTriggers;

/**
 * Intake reports closed without a case, for the retention job. Anonymising removes the reporter, the
 * place, the narrative and the people named (and the same from the public tip it came from); channel,
 * unit, agencies, urgency and dates stay for the intake statistics.
 */
@Component
class IntakeRetention implements RetainedRecords {

    private final JdbcClient jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    IntakeRetention(JdbcClient jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "INTAKE_NO_CASE";
    }

    @Override
    public Set<RetentionAction> actions() {
        return Set.of(RetentionAction.ANONYMISE);
    }

    @Override
    public List<Candidate> triggeredBetween(Instant from, Instant to) {
        return TimestampTriggers.between(jdbc, "intake_report", "received_at",
                "status = 'CLOSED_NO_ACTION' and case_id is null and anonymised_at is null", from, to);
    }

    @Override
    public Set<Long> apply(RetentionAction action, long id) {
        if (action != RetentionAction.ANONYMISE) {
            throw new IllegalArgumentException("Unsupported retention action " + action);
        }
        int updated = jdbc.sql("update intake_report set reporter_name = null, reporter_contact = null, place_text = null, "
                        + "narrative = :empty, anonymised_at = :now, version = version + 1 "
                        + "where id = :id and status = 'CLOSED_NO_ACTION' and case_id is null and anonymised_at is null")
                .param("empty", cipher.encrypt("")).param("now", utc(clock.instant())).param("id", id).update();
        if (updated == 0) {
            return Set.of();
        }
        Set<Long> people = new LinkedHashSet<>(jdbc.sql("select person_id from intake_person where intake_id = :id")
                .param("id", id).query(Long.class).list());
        jdbc.sql("delete from intake_person where intake_id = :id").param("id", id).update();
        jdbc.sql("update public_tip set narrative = :empty, place_text = null, child_name = null, contact_name = null, "
                        + "contact_phone = null, version = version + 1 where id = (select source_tip_id from intake_report where id = :id)")
                .param("empty", cipher.encrypt("")).param("id", id).update();
        return people;
    }

    @Override
    public boolean namesPerson(long personId) {
        return jdbc.sql("select count(*) from intake_person p join intake_report r on r.id = p.intake_id "
                        + "where p.person_id = :p and r.anonymised_at is null")
                .param("p", personId).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
