package vn.childguard.prevention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;

/**
 * Students in special circumstances who left school, for the retention job. Anonymising removes the
 * name, the guardian's contact and the follow-up notes; school, class, category, home commune and the
 * follow-ups' kinds and dates stay, so the prevention indicators still count them.
 */
@Component
class StudentRetention implements RetainedRecords {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    StudentRetention(JdbcClient jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "STUDENT_LEFT_SCHOOL";
    }

    @Override
    public Set<RetentionAction> actions() {
        return Set.of(RetentionAction.ANONYMISE);
    }

    @Override
    public List<Candidate> triggeredBetween(Instant from, Instant to) {
        return jdbc.sql("select id, left_school_on from prevention_student where anonymised_at is null "
                        + "and left_school_on < :to" + (from == null ? "" : " and left_school_on >= :from") + " order by id")
                .param("to", day(to)).param("from", from == null ? null : day(from))
                .query((rs, n) -> new Candidate(rs.getLong(1),
                        rs.getObject(2, LocalDate.class).atStartOfDay(VIETNAM).toInstant()))
                .list();
    }

    @Override
    public Set<Long> apply(RetentionAction action, long id) {
        if (action != RetentionAction.ANONYMISE) {
            throw new IllegalArgumentException("Unsupported retention action " + action);
        }
        int updated = jdbc.sql("update prevention_student set full_name = :empty, guardian_contact = null, "
                        + "anonymised_at = :now where id = :id and anonymised_at is null")
                .param("empty", cipher.encrypt("")).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id).update();
        if (updated > 0) {
            jdbc.sql("update prevention_follow_up set note = null where student_id = :id").param("id", id).update();
        }
        return Set.of();
    }

    @Override
    public boolean namesPerson(long personId) {
        return false;
    }

    private static LocalDate day(Instant instant) {
        // a date-only trigger: the period starts at the beginning of that day in Vietnam
        return instant.atZone(VIETNAM).toLocalDate();
    }
}
