package vn.childguard.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.EmergencyAccess;

/** Break-the-glass grants in table {@code emergency_access}; the roles and times are settings. */
@Service
class JdbcEmergencyAccess implements EmergencyAccess {

    static final int MAX_REASON = 500;

    private static final RowMapper<Grant> GRANT = (rs, i) -> new Grant(rs.getLong("id"), rs.getString("username"),
            rs.getString("agency_code"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("reference"), rs.getString("reason"), rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant());

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<String> roles;
    private final Duration duration;
    private final Duration notifyFor;

    JdbcEmergencyAccess(JdbcTemplate jdbc, AuditLog audit, Clock clock,
                        @Value("${childguard.emergency-access.roles}") Set<String> roles,
                        @Value("${childguard.emergency-access.duration}") Duration duration,
                        @Value("${childguard.emergency-access.notify-for}") Duration notifyFor) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.roles = Set.copyOf(roles);
        this.duration = duration;
        this.notifyFor = notifyFor;
    }

    @Override
    public boolean allows(Collection<String> roleNames) {
        return roleNames.stream().anyMatch(roles::contains);
    }

    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    @Transactional
    public Grant open(String username, String agencyCode, Collection<String> roleNames, String entityType,
                      String entityId, String reference, String reason) {
        if (!allows(roleNames)) {
            throw new IllegalStateException("no role of the user allows emergency access");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidReason("emergency.error.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidReason("emergency.error.reasonTooLong");
        }
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var s = con.prepareStatement("insert into emergency_access (username, agency_code, entity_type, entity_id,"
                    + " reference, reason, opened_at, expires_at) values (?,?,?,?,?,?,?,?)", new String[]{"id"});
            s.setString(1, username);
            s.setString(2, agencyCode);
            s.setString(3, entityType);
            s.setString(4, entityId);
            s.setString(5, reference);
            s.setString(6, why);
            s.setTimestamp(7, Timestamp.from(now));
            s.setTimestamp(8, Timestamp.from(until));
            return s;
        }, keys);
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of(AuditLog.Actions.BREAK_GLASS, entityType, entityId, AuditEntry.Outcome.SUCCESS)
                .withPurpose(why).withDetails("emergency access " + id + " until " + until));
        return new Grant(id, username, agencyCode, entityType, entityId, reference, why, now, until);
    }

    @Override
    public Optional<Grant> active(String username, String entityType, String entityId) {
        return jdbc.query("select * from emergency_access where username = ? and entity_type = ? and entity_id = ?"
                        + " and expires_at > ? order by expires_at desc", GRANT, username, entityType, entityId,
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    @Override
    public List<Grant> recent(String entityType) {
        return jdbc.query("select * from emergency_access where entity_type = ? and opened_at > ? order by opened_at desc",
                GRANT, entityType, Timestamp.from(clock.instant().minus(notifyFor)));
    }

    @Override
    public List<Use> latest(int limit) {
        return jdbc.query("""
                select g.*, (select count(*) from audit_event e where e.actor = g.username
                  and e.entity_type = g.entity_type and e.entity_id = g.entity_id and e.action = 'READ'
                  and e.outcome = 'SUCCESS' and e.occurred_at >= g.opened_at and e.occurred_at <= g.expires_at) as reads
                from emergency_access g order by g.opened_at desc, g.id desc limit ?""",
                (rs, i) -> new Use(GRANT.mapRow(rs, i), rs.getLong("reads")), limit);
    }
}
