package vn.childguard.retention.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;

/**
 * What the job will do next month, for the data-protection officer: per record type, the records whose
 * period ends during the month, those already past it that the next run will take, and those a legal
 * hold keeps (held on the first day of the month). Counts and record ids only.
 */
@Component
public class NextMonthReport {

    /** A record the job will reach: its period ends on {@code dueOn}; {@code held} when a hold keeps it. */
    public record Item(String recordType, long recordId, RetentionAction action, LocalDate dueOn, boolean held) {
    }

    /** One line per record type in force. */
    public record Line(RetentionSchedules.Schedule schedule, int dueInMonth, int overdue, int held) {
    }

    public record Report(YearMonth month, List<Line> lines, List<Item> items) {
    }

    private final RetentionSchedules schedules;
    private final LegalHolds holds;
    private final AuditLog audit;
    private final Clock clock;

    NextMonthReport(RetentionSchedules schedules, LegalHolds holds, AuditLog audit, Clock clock) {
        this.schedules = schedules;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    /** The report for the month after the current one (Vietnam time). */
    public Report nextMonth() {
        return forMonth(YearMonth.from(clock.instant().atZone(RetentionSchedules.VIETNAM)).plusMonths(1));
    }

    public Report forMonth(YearMonth month) {
        LocalDate first = month.atDay(1);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(RetentionSchedules.VIETNAM).toInstant();
        Map<String, Set<Long>> held = holds.activeOn(first);
        List<Line> lines = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (RetentionSchedules.Schedule s : schedules.inForce(first)) {
            RetainedRecords type = schedules.types().get(s.recordType());
            if (type == null) {
                continue;
            }
            Instant triggeredBefore = end.atZone(RetentionSchedules.VIETNAM).minusMonths(s.months()).toInstant();
            Set<Long> onHold = held.getOrDefault(s.recordType(), Set.of());
            int due = 0;
            int overdue = 0;
            int kept = 0;
            for (RetainedRecords.Candidate c : type.triggeredBetween(null, triggeredBefore)) {
                LocalDate dueOn = c.triggeredAt().atZone(RetentionSchedules.VIETNAM).plusMonths(s.months()).toLocalDate();
                boolean isHeld = onHold.contains(c.id());
                if (isHeld) {
                    kept++;
                } else if (dueOn.isBefore(first)) {
                    overdue++;
                } else {
                    due++;
                }
                items.add(new Item(s.recordType(), c.id(), s.action(), dueOn, isHeld));
            }
            lines.add(new Line(s, due, overdue, kept));
        }
        items.sort(Comparator.comparing(Item::recordType).thenComparing(Item::dueOn).thenComparingLong(Item::recordId));
        return new Report(month, lines, items);
    }

    /** Writes the report's records as CSV (UTF-8 with BOM for spreadsheet programs) and audits the export. */
    public void writeCsv(Report report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write("month,record_type,record_id,action,due_on,held\r\n");
        for (Item i : report.items()) {
            w.write(report.month() + "," + i.recordType() + "," + i.recordId() + "," + i.action() + "," + i.dueOn()
                    + "," + (i.held() ? "yes" : "no") + "\r\n");
        }
        w.flush();
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, "retention_report", report.month(),
                AuditEntry.Outcome.SUCCESS).withDetails(report.items().size() + " records"));
    }
}
