package vn.childguard.retention.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;

/**
 * The schedules (table {@code retention_schedule}) and the record types the modules declare. A schedule
 * is never edited: the administrator adds a version with a later effective date, and the version in
 * force on a day is the one with the latest effective date not after it.
 */
@Component
public class RetentionSchedules {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One version of a record type's schedule. */
    public record Schedule(long id, String recordType, RetentionAction action, int months, LocalDate effectiveFrom,
                           String basis, String createdBy, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final Map<String, RetainedRecords> types;
    private final AuditLog audit;
    private final Clock clock;

    RetentionSchedules(JdbcClient jdbc, List<RetainedRecords> handlers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.types = handlers.stream().sorted(Comparator.comparing(RetainedRecords::recordType))
                .collect(Collectors.toMap(RetainedRecords::recordType, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two modules declare retention type " + a.recordType());
                }, LinkedHashMap::new));
        this.audit = audit;
        this.clock = clock;
    }

    /** The record types the modules declare, by name. */
    public Map<String, RetainedRecords> types() {
        return types;
    }

    /** Every version, newest effective date first within each type. */
    public List<Schedule> all() {
        return jdbc.sql("select * from retention_schedule order by record_type, effective_from desc")
                .query((rs, n) -> new Schedule(rs.getLong("id"), rs.getString("record_type"),
                        RetentionAction.valueOf(rs.getString("action")), rs.getInt("months"),
                        rs.getObject("effective_from", LocalDate.class), rs.getString("basis"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** The version of each record type in force on {@code day}. */
    public List<Schedule> inForce(LocalDate day) {
        Map<String, Schedule> current = new LinkedHashMap<>();
        for (Schedule s : all()) {
            if (!s.effectiveFrom().isAfter(day)) {
                current.putIfAbsent(s.recordType(), s);
            }
        }
        return List.copyOf(current.values());
    }

    public Optional<Schedule> inForce(String recordType, LocalDate day) {
        return inForce(day).stream().filter(s -> s.recordType().equals(recordType)).findFirst();
    }

    /** Adds a version taking effect on {@code effectiveFrom} (today or later), audited. */
    @Transactional
    public long add(CurrentUser user, String recordType, String action, String months, LocalDate effectiveFrom,
                    String basis) {
        RetainedRecords type = types.get(recordType);
        if (type == null) {
            throw new RejectedRetentionInput("recordType", "retention.error.recordType");
        }
        RetentionAction parsedAction;
        try {
            parsedAction = RetentionAction.valueOf(action == null ? "" : action);
        } catch (IllegalArgumentException e) {
            throw new RejectedRetentionInput("action", "retention.error.action");
        }
        if (!type.actions().contains(parsedAction)) {
            throw new RejectedRetentionInput("action", "retention.error.action.unsupported");
        }
        int parsedMonths;
        try {
            parsedMonths = Integer.parseInt(months == null ? "" : months.strip());
        } catch (NumberFormatException e) {
            throw new RejectedRetentionInput("months", "retention.error.months");
        }
        if (parsedMonths < 1 || parsedMonths > 1200) {
            throw new RejectedRetentionInput("months", "retention.error.months");
        }
        if (effectiveFrom.isBefore(today())) {
            throw new RejectedRetentionInput("effectiveFrom", "retention.error.effectiveFrom.past");
        }
        if (basis == null || basis.isBlank() || basis.strip().length() > 500) {
            throw new RejectedRetentionInput("basis", "retention.error.basis");
        }
        boolean taken = jdbc.sql("select count(*) from retention_schedule where record_type = :t and effective_from = :d")
                .param("t", recordType).param("d", effectiveFrom).query(Long.class).single() > 0;
        if (taken) {
            throw new RejectedRetentionInput("effectiveFrom", "retention.error.effectiveFrom.taken");
        }
        jdbc.sql("insert into retention_schedule (record_type, action, months, effective_from, basis, created_by, created_at) "
                        + "values (:t, :a, :m, :d, :b, :u, :now)")
                .param("t", recordType).param("a", parsedAction.name()).param("m", parsedMonths).param("d", effectiveFrom)
                .param("b", basis.strip()).param("u", user.username())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        long id = jdbc.sql("select id from retention_schedule where record_type = :t and effective_from = :d")
                .param("t", recordType).param("d", effectiveFrom).query(Long.class).single();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "retention_schedule", id, AuditEntry.Outcome.SUCCESS)
                .withDetails(recordType + " " + parsedAction + " after " + parsedMonths + " months from " + effectiveFrom));
        return id;
    }

    public LocalDate today() {
        return clock.instant().atZone(VIETNAM).toLocalDate();
    }
}
