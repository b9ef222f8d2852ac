package vn.childguard.screening.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;
import vn.childguard.shared.retention.TimestampTriggers;

/**
 * Screening's two record types for the retention job: travel records that raised no alert still open
 * or acted on (deleted with their adult–minor pairs, counted from the travel date), and dismissed
 * alerts (deleted, counted from the decision). Alerts acted on stay: they are evidence for a lead.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningRetention {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A record is kept while an alert on it is anything but dismissed. */
    private static final String NO_KEPT_ALERT = "not exists (select 1 from screening_alert a where a.record_id = r.record_id "
            + "and a.status <> 'DISMISSED')";

    @Bean
    RetainedRecords screeningRecordRetention(JdbcClient jdbc) {
        return new RetainedRecords() {
            @Override
            public String recordType() {
                return "SCREENING_RECORD";
            }

            @Override
            public Set<RetentionAction> actions() {
                return Set.of(RetentionAction.DELETE);
            }

            @Override
            public List<Candidate> triggeredBetween(Instant from, Instant to) {
                return jdbc.sql("select r.id, r.travel_date from screening_record r where r.travel_date < :to"
                                + (from == null ? "" : " and r.travel_date >= :from") + " and " + NO_KEPT_ALERT
                                + " order by r.id")
                        .param("to", day(to)).param("from", from == null ? null : day(from))
                        .query((rs, n) -> new Candidate(rs.getLong(1),
                                rs.getObject(2, LocalDate.class).atStartOfDay(VIETNAM).toInstant()))
                        .list();
            }

            @Override
            public Set<Long> apply(RetentionAction action, long id) {
                if (action != RetentionAction.DELETE) {
                    throw new IllegalArgumentException("Unsupported retention action " + action);
                }
                jdbc.sql("delete from screening_pair where record_id in (select record_id from screening_record r "
                        + "where r.id = :id and " + NO_KEPT_ALERT + ")").param("id", id).update();
                jdbc.sql("delete from screening_record r where r.id = :id and " + NO_KEPT_ALERT).param("id", id).update();
                return Set.of();
            }

            @Override
            public boolean namesPerson(long personId) {
                return false;
            }
        };
    }

    @Bean
    RetainedRecords dismissedAlertRetention(JdbcClient jdbc) {
        return new RetainedRecords() {
            @Override
            public String recordType() {
                return "SCREENING_ALERT_DISMISSED";
            }

            @Override
            public Set<RetentionAction> actions() {
                return Set.of(RetentionAction.DELETE);
            }

            @Override
            public List<Candidate> triggeredBetween(Instant from, Instant to) {
                return TimestampTriggers.between(jdbc, "screening_alert", "decided_at", "status = 'DISMISSED'", from, to);
            }

            @Override
            public Set<Long> apply(RetentionAction action, long id) {
                if (action != RetentionAction.DELETE) {
                    throw new IllegalArgumentException("Unsupported retention action " + action);
                }
                List<Long> people = jdbc.sql("select at_risk_person_id from screening_alert where id = :id "
                        + "and status = 'DISMISSED' and at_risk_person_id is not null").param("id", id)
                        .query(Long.class).list();
                jdbc.sql("delete from screening_alert where id = :id and status = 'DISMISSED'").param("id", id).update();
                return Set.copyOf(people);
            }

            @Override
            public boolean namesPerson(long personId) {
                return jdbc.sql("select count(*) from screening_alert where at_risk_person_id = :p")
                        .param("p", personId).query(Long.class).single() > 0;
            }
        };
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate();
    }
}
