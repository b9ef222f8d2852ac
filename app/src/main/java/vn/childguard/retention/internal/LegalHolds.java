package vn.childguard.retention.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;

/**
 * Legal holds (table {@code legal_hold}): while one is active on a record, no retention action touches
 * it. A hold is active from when it is placed until released or until the end of its {@code held_until}
 * day. Records are named by type and id only; the reason names the proceeding or request.
 */
@Component
public class LegalHolds {

    public record Hold(long id, String recordType, long recordId, String reason, String placedBy,
                       OffsetDateTime placedAt, LocalDate heldUntil, String releasedBy, OffsetDateTime releasedAt) {

        public boolean activeOn(LocalDate day) {
            return releasedAt == null && (heldUntil == null || !heldUntil.isBefore(day));
        }
    }

    private final JdbcClient jdbc;
    private final RetentionSchedules schedules;
    private final AuditLog audit;
    private final Clock clock;

    LegalHolds(JdbcClient jdbc, RetentionSchedules schedules, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Holds not released, newest first. */
    public List<Hold> unreleased() {
        return jdbc.sql("select * from legal_hold where released_at is null order by placed_at desc, id desc")
                .query((rs, n) -> new Hold(rs.getLong("id"), rs.getString("record_type"), rs.getLong("record_id"),
                        rs.getString("reason"), rs.getString("placed_by"), rs.getObject("placed_at", OffsetDateTime.class),
                        rs.getObject("held_until", LocalDate.class), rs.getString("released_by"),
                        rs.getObject("released_at", OffsetDateTime.class)))
                .list();
    }

    /** Record ids per type with a hold active on {@code day}. */
    public Map<String, Set<Long>> activeOn(LocalDate day) {
        Map<String, Set<Long>> held = new HashMap<>();
        unreleased().stream().filter(h -> h.activeOn(day)).forEach(h ->
                held.computeIfAbsent(h.recordType(), t -> new java.util.HashSet<>()).add(h.recordId()));
        return held;
    }

    @Transactional
    public long place(CurrentUser user, String recordType, String recordId, String reason, LocalDate heldUntil) {
        if (!schedules.types().containsKey(recordType)) {
            throw new RejectedRetentionInput("recordType", "retention.error.recordType");
        }
        long id;
        try {
            id = Long.parseLong(recordId == null ? "" : recordId.strip());
        } catch (NumberFormatException e) {
            throw new RejectedRetentionInput("recordId", "retention.error.recordId");
        }
        if (id <= 0) {
            throw new RejectedRetentionInput("recordId", "retention.error.recordId");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new RejectedRetentionInput("reason", "retention.error.reason");
        }
        if (heldUntil != null && heldUntil.isBefore(schedules.today())) {
            throw new RejectedRetentionInput("heldUntil", "retention.error.heldUntil");
        }
        jdbc.sql("insert into legal_hold (record_type, record_id, reason, placed_by, placed_at, held_until) "
                        + "values (:t, :r, :reason, :u, :now, :until)")
                .param("t", recordType).param("r", id).param("reason", reason.strip()).param("u", user.username())
                .param("now", now()).param("until", heldUntil).update();
        long holdId = jdbc.sql("select max(id) from legal_hold where record_type = :t and record_id = :r")
                .param("t", recordType).param("r", id).query(Long.class).single();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "legal_hold", holdId, AuditEntry.Outcome.SUCCESS)
                .withDetails(recordType + " " + id + (heldUntil == null ? "" : " until " + heldUntil)));
        return holdId;
    }

    /** Releases an unreleased hold; false when there is none with that id. */
    @Transactional
    public boolean release(CurrentUser user, long holdId) {
        int updated = jdbc.sql("update legal_hold set released_by = :u, released_at = :now where id = :id and released_at is null")
                .param("u", user.username()).param("now", now()).param("id", holdId).update();
        if (updated > 0) {
            audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "legal_hold", holdId, AuditEntry.Outcome.SUCCESS)
                    .withDetails("released"));
        }
        return updated > 0;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
