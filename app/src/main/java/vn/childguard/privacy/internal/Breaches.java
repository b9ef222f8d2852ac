package vn.childguard.privacy.internal;

import static vn.childguard.privacy.internal.DataSubjectRequests.blank;
import static vn.childguard.privacy.internal.DataSubjectRequests.instant;
import static vn.childguard.privacy.internal.DataSubjectRequests.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.PersonalData;
import vn.childguard.shared.crypto.DataCipher;

/**
 * The breach register: a breach recorded with when it was discovered, what data, how many people, which
 * categories, the cause and the containment; the risk assessed; the notification to the authority (A05,
 * Ministry of Public Security) due 72 hours after discovery, with the reason when it is late; kept at least
 * {@link #RETENTION_YEARS} years. Nothing here deletes a breach. Every read and change is audited.
 */
@PersonalData(table = "privacy_breach", sensitive = false,
        category = "contact of the person in charge; counts and categories of people affected",
        purpose = "the breach register and the 72-hour notification",
        legalBasis = "Law 91/2025 on personal data protection; Decree 356/2025",
        retention = "5 years from discovery (retain_until)",
        visibleTo = {"SYSTEM_ADMIN", "AUDITOR"})
@Service
public class Breaches {

    public static final String ENTITY = "privacy_breach";
    public static final Duration NOTIFY_WITHIN = Duration.ofHours(72);
    public static final int RETENTION_YEARS = 5;
    public static final List<String> CATEGORIES = List.of("IDENTITY", "CONTACT", "ID_DOCUMENTS", "HEALTH", "CRIME",
            "LOCATION", "CHILDREN", "VICTIMS", "CREDENTIALS");
    public static final Set<String> RISK_LEVELS = Set.of("LOW", "MEDIUM", "HIGH");

    public record NewBreach(String discoveredAt, String occurred, String description, String dataAffected,
                            List<String> categories, String subjectsCount, String cause, String containment) {
    }

    public record Assessment(String riskLevel, String consequences, String measures, String contact) {
    }

    public record Breach(long id, Instant discoveredAt, String occurred, String description, String dataAffected,
                         List<String> categories, int subjectsCount, String cause, String containment,
                         Instant notifyDueAt, String recordedBy, Instant recordedAt, String riskLevel,
                         String consequences, String measures, String contact, String assessedBy, Instant assessedAt,
                         Instant notifiedAt, String notifiedBy, String lateReason, LocalDate retainUntil,
                         ClockStatus notifyClock, long hoursLeft) {

        public boolean assessed() {
            return assessedAt != null;
        }

        public boolean notified() {
            return notifiedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final PrivacyPolicy policy;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Breaches(JdbcClient jdbc, PrivacyPolicy policy, DataCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long record(CurrentUser user, NewBreach in) {
        policy.requireManage(user, AuditLog.Actions.CREATE, ENTITY, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant discovered = null;
        try {
            discovered = LocalDateTime.parse(in.discoveredAt() == null ? "" : in.discoveredAt().strip())
                    .atZone(ClockStatus.VIETNAM).toInstant();
            if (discovered.isAfter(now)) {
                errors.put("discoveredAt", "privacy.error.discoveredFuture");
            }
        } catch (DateTimeParseException e) {
            errors.put("discoveredAt", "privacy.error.dateTime");
        }
        required(errors, "description", in.description());
        required(errors, "dataAffected", in.dataAffected());
        List<String> categories = in.categories() == null ? List.of() : in.categories();
        if (categories.isEmpty() || !CATEGORIES.containsAll(categories)) {
            errors.put("categories", "privacy.error.categories");
        }
        int count = -1;
        try {
            count = Integer.parseInt(in.subjectsCount() == null ? "" : in.subjectsCount().strip());
        } catch (NumberFormatException e) {
            // reported below, with negative numbers
        }
        if (count < 0) {
            errors.put("subjectsCount", "privacy.error.subjectsCount");
        }
        required(errors, "cause", in.cause());
        required(errors, "containment", in.containment());
        if (!errors.isEmpty()) {
            throw new PrivacyException(errors);
        }
        LocalDate retainUntil = LocalDate.ofInstant(discovered, ClockStatus.VIETNAM).plusYears(RETENTION_YEARS);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into privacy_breach (discovered_at, occurred_text, description, data_affected, categories, "
                        + "subjects_count, cause, containment, notify_due_at, recorded_by, recorded_at, retain_until) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ts(discovered), blank(in.occurred()) ? null : cipher.encrypt(in.occurred().strip()),
                        cipher.encrypt(in.description().strip()), cipher.encrypt(in.dataAffected().strip()),
                        String.join(",", CATEGORIES.stream().filter(categories::contains).toList()), count,
                        cipher.encrypt(in.cause().strip()), cipher.encrypt(in.containment().strip()),
                        ts(discovered.plus(NOTIFY_WITHIN)), user.username(), ts(now), retainUntil)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails(count + " subjects"));
        return id;
    }

    /** The risk assessment and the content the notification needs; may be revised until it is sent. */
    @Transactional
    public void assess(CurrentUser user, long id, Assessment in) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Breach b = load(id);
        if (b.notified()) {
            throw PrivacyException.field("riskLevel", "privacy.error.notified");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.riskLevel() == null || !RISK_LEVELS.contains(in.riskLevel())) {
            errors.put("riskLevel", "privacy.error.riskLevel");
        }
        required(errors, "consequences", in.consequences());
        required(errors, "measures", in.measures());
        required(errors, "contact", in.contact());
        if (!errors.isEmpty()) {
            throw new PrivacyException(errors);
        }
        jdbc.sql("update privacy_breach set risk_level = ?, consequences = ?, measures = ?, contact = ?, assessed_by = ?, "
                        + "assessed_at = ?, version = version + 1 where id = ?")
                .params(in.riskLevel(), cipher.encrypt(in.consequences().strip()), cipher.encrypt(in.measures().strip()),
                        cipher.encrypt(in.contact().strip()), user.username(), ts(clock.instant()), id)
                .update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("assessed: " + in.riskLevel()));
    }

    /** The notification was sent to the authority now; after the 72 hours the reason for the delay is required. */
    @Transactional
    public void notified(CurrentUser user, long id, String lateReason) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Breach b = load(id);
        if (b.notified()) {
            throw PrivacyException.field("lateReason", "privacy.error.notified");
        }
        if (!b.assessed()) {
            throw PrivacyException.field("lateReason", "privacy.error.notAssessed");
        }
        Instant now = clock.instant();
        if (now.isAfter(b.notifyDueAt()) && blank(lateReason)) {
            throw PrivacyException.field("lateReason", "privacy.error.lateReason");
        }
        jdbc.sql("update privacy_breach set notified_at = ?, notified_by = ?, late_reason = ?, version = version + 1 "
                        + "where id = ?")
                .params(ts(now), user.username(), blank(lateReason) ? null : cipher.encrypt(lateReason.strip()), id)
                .update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails(now.isAfter(b.notifyDueAt()) ? "authority notified late" : "authority notified"));
    }

    @Transactional(readOnly = true)
    public List<Breach> list(CurrentUser user) {
        policy.requireRead(user, ENTITY, null);
        List<Breach> all = jdbc.sql("select * from privacy_breach order by case when notified_at is null then 0 else 1 end, "
                + "discovered_at desc, id desc").query(this::row).list();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("register, " + all.size() + " rows"));
        return all;
    }

    @Transactional(readOnly = true)
    public Breach get(CurrentUser user, long id) {
        policy.requireRead(user, ENTITY, id);
        Breach b = load(id);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.SUCCESS));
        return b;
    }

    Breach load(long id) {
        return jdbc.sql("select * from privacy_breach where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchElementException("breach " + id));
    }

    private Breach row(ResultSet rs, int n) throws SQLException {
        Instant now = clock.instant();
        Instant due = instant(rs, "notify_due_at");
        Instant notifiedAt = instant(rs, "notified_at");
        String categories = rs.getString("categories");
        return new Breach(rs.getLong("id"), instant(rs, "discovered_at"), cipher.decrypt(rs.getString("occurred_text")),
                cipher.decrypt(rs.getString("description")), cipher.decrypt(rs.getString("data_affected")),
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",")), rs.getInt("subjects_count"),
                cipher.decrypt(rs.getString("cause")), cipher.decrypt(rs.getString("containment")), due,
                rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("risk_level"),
                cipher.decrypt(rs.getString("consequences")), cipher.decrypt(rs.getString("measures")),
                cipher.decrypt(rs.getString("contact")), rs.getString("assessed_by"), instant(rs, "assessed_at"),
                notifiedAt, rs.getString("notified_by"), cipher.decrypt(rs.getString("late_reason")),
                rs.getObject("retain_until", LocalDate.class), ClockStatus.ofInstant(due, notifiedAt, now),
                Duration.between(now, due).toHours());
    }

    private static void required(Map<String, String> errors, String field, String value) {
        if (blank(value)) {
            errors.put(field, "privacy.error." + field);
        } else if (value.strip().length() > 4000) {
            errors.put(field, "privacy.error.tooLong");
        }
    }
}
