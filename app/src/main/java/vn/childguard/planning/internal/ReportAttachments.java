package vn.childguard.planning.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Attachments of progress reports: checked by size, name and content (the first bytes must match
 * the declared type, so a renamed executable is refused), encrypted at rest, read only by those who
 * may read the report, and every upload and download audited.
 */
@Service
@Transactional
public class ReportAttachments {

    /** At most this many bytes per file. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** What a downloaded attachment holds. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    private record Kind(String contentType, byte[] magic) {
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
            "png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            "jpg", new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "jpeg", new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));

    private final ReportAttachmentRepository attachments;
    private final ProgressReportRepository reports;
    private final PlanningPolicy policy;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    ReportAttachments(ReportAttachmentRepository attachments, ProgressReportRepository reports, PlanningPolicy policy,
                      DataCipher cipher, AuditLog audit, Clock clock) {
        this.attachments = attachments;
        this.reports = reports;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public ReportAttachment attach(CurrentUser user, long reportId, String fileName, byte[] content) {
        ProgressReport report = reports.findById(reportId).orElseThrow();
        if (!policy.canWrite(user, report.getAgencyCode())) {
            deny(AuditLog.Actions.CREATE, reportId);
        }
        if (!report.isEditable()) {
            throw new ProgressReport.WorkflowException("planning.report.error.locked");
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (content.length == 0) {
            throw new ProgressReport.WorkflowException("planning.attachment.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ProgressReport.WorkflowException("planning.attachment.error.size");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind kind = KINDS.get(extension);
        if (kind == null || content.length < kind.magic().length
                || !Arrays.equals(content, 0, kind.magic().length, kind.magic(), 0, kind.magic().length)) {
            throw new ProgressReport.WorkflowException("planning.attachment.error.type");
        }
        ReportAttachment saved = attachments.save(new ReportAttachment(reportId, name, kind.contentType(),
                content.length, cipher.seal(content), user.username(), clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "report_attachment", saved.getId(),
                AuditEntry.Outcome.SUCCESS).withDetails("report " + reportId));
        return saved;
    }

    @Transactional(readOnly = true)
    public List<ReportAttachment> of(long reportId) {
        return attachments.findByReportIdOrderByUploadedAt(reportId);
    }

    @Transactional(readOnly = true)
    public Download download(CurrentUser user, long reportId, long attachmentId) {
        ReportAttachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.getReportId() == reportId)
                .orElseThrow(() -> new java.util.NoSuchElementException("attachment " + attachmentId));
        ProgressReport report = reports.findById(reportId).orElseThrow();
        if (!policy.canRead(user, report)) {
            deny(AuditLog.Actions.READ, attachmentId);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "report_attachment", attachmentId, AuditEntry.Outcome.SUCCESS));
        return new Download(attachment.getFileName(), attachment.getContentType(), cipher.open(attachment.getContent()));
    }

    private void deny(String action, Object id) {
        audit.recordIndependently(AuditEntry.of(action, "report_attachment", id, AuditEntry.Outcome.DENIED));
        throw new AccessDeniedException("attachment refused");
    }
}
