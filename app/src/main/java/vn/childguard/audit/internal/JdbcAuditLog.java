package vn.childguard.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditEvent;
import vn.childguard.audit.AuditLog;
import vn.childguard.shared.AccountablePrincipal;
import vn.childguard.shared.PersonalData;

/**
 * The access log on plain JDBC. Appends lock the single chain-head row, so writers on any number of
 * nodes chain one after another; each row's hash covers its content and the previous hash
 * (SHA-256), so verify detects an edited row, a deleted row, or a deleted tail.
 */
@PersonalData(table = "audit_event", sensitive = false,
        category = "who accessed which record, when, from which address",
        purpose = "access monitoring, breach investigation",
        legalBasis = "Law 91/2025 and Decree 356/2025 (access monitoring)",
        retention = "5 years (not yet applied by the job)",
        visibleTo = {"AUDITOR"})
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "id, occurred_at, actor, agency_code, action, entity_type, entity_id, "
            + "purpose, outcome, client_address, details, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate independent;
    private final TransactionTemplate joined;
    private final Clock clock;

    JdbcAuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public AuditEvent record(AuditEntry entry) {
        // a read inside a read-only transaction is still recorded, in a transaction of its own
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return recordIndependently(entry);
        }
        return joined.execute(status -> append(complete(entry)));
    }

    @Override
    public AuditEvent recordIndependently(AuditEntry entry) {
        AuditEntry completed = complete(entry);
        return independent.execute(status -> append(completed));
    }

    private AuditEvent append(AuditEntry e) {
        var head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1 for update");
        String prevHash = (String) head.get("last_hash");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prevHash, now, e.actor(), e.agencyCode(), e.action(), e.entityType(), e.entityId(),
                e.purpose(), e.outcome().name(), e.clientAddress(), e.details());
        Object[] values = {OffsetDateTime.ofInstant(now, ZoneOffset.UTC), e.actor(), e.agencyCode(), e.action(),
            e.entityType(), e.entityId(), e.purpose(), e.outcome().name(), e.clientAddress(), e.details(), prevHash, hash};
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into audit_event (occurred_at, actor, agency_code, "
                    + "action, entity_type, entity_id, purpose, outcome, client_address, details, prev_hash, hash) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1", id, hash);
        return new AuditEvent(id, now, e.actor(), e.agencyCode(), e.action(), e.entityType(), e.entityId(),
                e.purpose(), e.outcome(), e.clientAddress(), e.details(), prevHash, hash);
    }

    /** Fills actor, agency and client address from the security context and request when absent. */
    private static AuditEntry complete(AuditEntry entry) {
        AuditEntry e = entry;
        if ("?".equals(e.actor()) || e.agencyCode() == null) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String actor = "?".equals(e.actor()) ? (auth == null ? "anonymous" : auth.getName()) : e.actor();
            String agency = e.agencyCode();
            if (agency == null && auth != null && auth.getPrincipal() instanceof AccountablePrincipal p) {
                agency = p.agencyCode();
            }
            e = e.withActor(actor, agency);
        }
        if (e.clientAddress() == null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            e = e.withClientAddress(request.getRemoteAddr());
        }
        return e;
    }

    static String hash(String prevHash, Instant at, String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(at.toString().getBytes(StandardCharsets.US_ASCII));
            for (String field : fields) {
                sha.update((byte) 0);
                // a null and an empty string must hash differently
                sha.update(field == null ? new byte[] {1} : ("=" + field).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Filter filter, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<AuditEvent> rows = jdbc.query("select " + COLUMNS + " from audit_event" + where
                + " order by id desc limit ? offset ?", ROW, args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEvent> export(Filter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        return jdbc.query("select " + COLUMNS + " from audit_event" + where + " order by id limit ?", ROW,
                args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEvent> latest(List<String> actions, int limit) {
        String marks = String.join(",", java.util.Collections.nCopies(actions.size(), "?"));
        List<Object> args = new ArrayList<>(actions);
        args.add(limit);
        return jdbc.query("select " + COLUMNS + " from audit_event where action in (" + marks + ") order by id desc limit ?",
                ROW, args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (f.actor() != null) {
            conditions.add("actor = ?");
            args.add(f.actor());
        }
        if (f.entityType() != null) {
            conditions.add("entity_type = ?");
            args.add(f.entityType());
        }
        if (f.entityId() != null) {
            conditions.add("entity_id = ?");
            args.add(f.entityId());
        }
        if (f.action() != null) {
            conditions.add("action = ?");
            args.add(f.action());
        }
        if (f.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            conditions.add("occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(GENESIS);
        AtomicReference<Long> broken = new AtomicReference<>();
        long[] checked = {0};
        long[] lastId = {0};
        jdbc.query("select " + COLUMNS + " from audit_event order by id", rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditEvent e = ROW.mapRow(rs, 0);
            checked[0]++;
            String recomputed = hash(e.prevHash(), e.occurredAt(), e.actor(), e.agencyCode(), e.action(),
                    e.entityType(), e.entityId(), e.purpose(), e.outcome().name(), e.clientAddress(), e.details());
            if (!e.prevHash().equals(expectedPrev.get()) || !recomputed.equals(e.hash())) {
                broken.set(e.id());
                return;
            }
            expectedPrev.set(e.hash());
            lastId[0] = e.id();
        });
        if (broken.get() == null) {
            var head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
            if (!expectedPrev.get().equals(head.get("last_hash"))) {
                // rows were removed from the end of the chain: the first missing one is after lastId
                broken.set(((Number) head.get("last_id")).longValue());
            }
        }
        return new Verification(broken.get() == null, checked[0], broken.get());
    }

    private static final RowMapper<AuditEvent> ROW = (ResultSet rs, int n) -> new AuditEvent(
            rs.getLong("id"),
            instant(rs),
            rs.getString("actor"),
            rs.getString("agency_code"),
            rs.getString("action"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("purpose"),
            AuditEntry.Outcome.valueOf(rs.getString("outcome")),
            rs.getString("client_address"),
            rs.getString("details"),
            rs.getString("prev_hash"),
            rs.getString("hash"));

    private static Instant instant(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }
}
