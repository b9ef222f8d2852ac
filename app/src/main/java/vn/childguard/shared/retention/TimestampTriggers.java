package vn.childguard.shared.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.childguard.shared.retention.RetainedRecords.Candidate;

/** {@link RetainedRecords#triggeredBetween} for the usual case: the trigger is a timestamp column of the record's table. */
public final class TimestampTriggers {

    private TimestampTriggers() {
    }

    /**
     * The rows of {@code table} matching {@code condition} whose {@code column} lies in {@code [from, to)}
     * (from the beginning when {@code from} is null), by id. Names come from the calling module's code,
     * never from input.
     */
    public static List<Candidate> between(JdbcClient jdbc, String table, String column, String condition,
                                          Instant from, Instant to) {
        return jdbc.sql("select id, " + column + " from " + table + " where " + condition + " and " + column + " < :to"
                        + (from == null ? "" : " and " + column + " >= :from") + " order by id")
                .param("to", utc(to)).param("from", utc(from))
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
