package vn.childguard.screening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The versioned rule sets: the newest is in force; a change adds a version, nothing is overwritten. */
@Component
public class RuleSetStore {

    public record Version(int version, String definition, java.time.Instant createdAt, String createdBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final vn.childguard.audit.AuditLog audit;

    RuleSetStore(JdbcTemplate jdbc, Clock clock, vn.childguard.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Parsed versions (a version never changes): the streaming API asks for the rules on every call. */
    private final Map<Integer, RuleSet> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public RuleSet current() {
        return jdbc.query("select version_no, definition from screening_rule_set order by version_no desc fetch first 1 rows only",
                (rs, n) -> parsed.computeIfAbsent(rs.getInt(1), v -> {
                    try {
                        return RuleSet.parse(v, rs.getString(2));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                })).getFirst();
    }

    public RuleSet version(int version) {
        return jdbc.query("select version_no, definition from screening_rule_set where version_no = ?",
                (rs, n) -> RuleSet.parse(rs.getInt(1), rs.getString(2)), version).stream().findFirst().orElseGet(this::current);
    }

    public List<Version> versions() {
        return jdbc.query("select version_no, definition, created_at, created_by from screening_rule_set order by version_no desc",
                (rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    /** Validates and stores a new version; returns it, or null with {@code problems} filled. */
    @Transactional
    public RuleSet save(String definition, String username, Map<String, String> problems) {
        RuleSet parsed = RuleSet.parse(0, definition, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        Integer max = jdbc.queryForObject("select coalesce(max(version_no), 0) from screening_rule_set", Integer.class);
        int next = (max == null ? 0 : max) + 1;
        RuleSet stored = new RuleSet(next, parsed.weights(), parsed.alertThreshold(), parsed.matchThreshold(),
                parsed.riskCountries(), parsed.riskyVisas(), parsed.hotspotCommunes(), parsed.windowDays(), parsed.distinctMinors());
        jdbc.update("insert into screening_rule_set (version_no, definition, created_at, created_by) values (?, ?, ?, ?)",
                next, stored.definition(), Timestamp.from(clock.instant()), username);
        audit.record(vn.childguard.audit.AuditEntry.of(vn.childguard.audit.AuditLog.Actions.CREATE, "screening_rule_set", next,
                vn.childguard.audit.AuditEntry.Outcome.SUCCESS).withDetails("rule set version " + next));
        return stored;
    }
}
