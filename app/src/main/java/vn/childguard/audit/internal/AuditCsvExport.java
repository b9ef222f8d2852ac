package vn.childguard.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditEvent;
import vn.childguard.audit.AuditLog;

/**
 * The auditor's CSV export of the access log: UTF-8 with a byte-order mark so that Excel shows
 * Vietnamese correctly, in chain order, with the hashes so the file can be checked offline. Every
 * export is itself recorded, with the filter and row count but no row content.
 */
@Service
public class AuditCsvExport {

    /** More rows than this would not open in a spreadsheet anyway; narrow the filter instead. */
    public static final int MAX_ROWS = 100_000;

    static final List<String> HEADER = List.of("id", "occurred_at", "actor", "agency_code", "action", "entity_type",
            "entity_id", "purpose", "outcome", "client_address", "details", "prev_hash", "hash");

    private static final DateTimeFormatter VIETNAM_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final AuditLog audit;

    AuditCsvExport(AuditLog audit) {
        this.audit = audit;
    }

    /** Writes the rows matching the filter and returns how many were written. */
    public int write(AuditLog.Filter filter, OutputStream out) throws IOException {
        List<AuditEvent> rows = audit.export(filter, MAX_ROWS);
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, "audit_event", null, AuditEntry.Outcome.SUCCESS)
                .withDetails(describe(filter) + "rows=" + rows.size() + (rows.size() >= MAX_ROWS ? ", truncated" : "")));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CsvWriter csv = new CsvWriter(writer);
        csv.row(HEADER);
        for (AuditEvent e : rows) {
            csv.row(Arrays.asList(String.valueOf(e.id()), VIETNAM_TIME.format(e.occurredAt()), e.actor(),
                    e.agencyCode(), e.action(), e.entityType(), e.entityId(), e.purpose(), e.outcome().name(),
                    e.clientAddress(), e.details(), e.prevHash(), e.hash()));
        }
        writer.flush();
        return rows.size();
    }

    /** The filter as "name=value, " pairs; values are search terms, ids and dates, never row content. */
    static String describe(AuditLog.Filter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", f.actor());
        add(parts, "entityType", f.entityType());
        add(parts, "entityId", f.entityId());
        add(parts, "action", f.action());
        add(parts, "from", f.from());
        add(parts, "to", f.to());
        return parts.isEmpty() ? "filter=none, " : "filter: " + String.join(", ", parts) + "; ";
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
