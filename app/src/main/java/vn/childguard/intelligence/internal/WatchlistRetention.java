package vn.childguard.intelligence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;

/**
 * Watchlist entries no longer in force, for the retention job: the period runs from the removal, or
 * from the day after the last valid day. Deleting takes the entry's reminders with it.
 */
@Component
class WatchlistRetention implements RetainedRecords {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    WatchlistRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return "WATCHLIST_EXPIRED";
    }

    @Override
    public Set<RetentionAction> actions() {
        return Set.of(RetentionAction.DELETE);
    }

    @Override
    public List<Candidate> triggeredBetween(Instant from, Instant to) {
        LocalDate lastValidBefore = to.atZone(VIETNAM).toLocalDate();
        return jdbc.sql("select id, valid_until, removed_at from intel_watchlist_entry "
                        + "where valid_until < :day or removed_at < :to order by id")
                .param("day", lastValidBefore).param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    OffsetDateTime removed = rs.getObject("removed_at", OffsetDateTime.class);
                    Instant ended = removed != null ? removed.toInstant()
                            : rs.getObject("valid_until", LocalDate.class).plusDays(1).atStartOfDay(VIETNAM).toInstant();
                    return new Candidate(rs.getLong("id"), ended);
                })
                .list().stream()
                .filter(c -> c.triggeredAt().isBefore(to) && (from == null || !c.triggeredAt().isBefore(from)))
                .toList();
    }

    @Override
    public Set<Long> apply(RetentionAction action, long id) {
        if (action != RetentionAction.DELETE) {
            throw new IllegalArgumentException("Unsupported retention action " + action);
        }
        List<Long> people = jdbc.sql("select person_id from intel_watchlist_entry where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        jdbc.sql("delete from intel_reminder where entry_id = :id").param("id", id).update();
        jdbc.sql("delete from intel_watchlist_entry where id = :id").param("id", id).update();
        return Set.copyOf(people.stream().filter(Objects::nonNull).toList());
    }

    @Override
    public boolean namesPerson(long personId) {
        // entities of the intelligence picture have no schedule: they keep the person while they exist
        return jdbc.sql("select (select count(*) from intel_watchlist_entry where person_id = :p) "
                        + "+ (select count(*) from intel_entity where person_id = :p)")
                .param("p", personId).query(Long.class).single() > 0;
    }
}
