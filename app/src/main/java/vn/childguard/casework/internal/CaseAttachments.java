package vn.childguard.casework.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Files of a case: PDF, JPEG, PNG or DOCX, told by their first bytes (a renamed file is refused),
 * at most 10 MB, sealed at rest; only those who may change the case add or read them; audited.
 */
@Service
@Transactional
public class CaseAttachments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public record Download(String fileName, String contentType, byte[] content) {
    }

    private record Kind(String contentType, byte[] magic) {
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final Kind JPEG = new Kind("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F'}),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            "png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            "jpg", JPEG,
            "jpeg", JPEG);

    private final CaseAttachmentRepository attachments;
    private final CaseworkService cases;
    private final CasePolicy policy;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    CaseAttachments(CaseAttachmentRepository attachments, CaseworkService cases, CasePolicy policy, DataCipher cipher,
                    AuditLog audit, Clock clock) {
        this.attachments = attachments;
        this.cases = cases;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public CaseAttachment attach(CurrentUser user, long caseId, String fileName, byte[] content) {
        cases.findForChange(user, caseId);
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (content == null || content.length == 0) {
            throw new CaseForms.Invalid(Map.of("file", "casework.attachment.error.empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new CaseForms.Invalid(Map.of("file", "casework.attachment.error.size"));
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind kind = KINDS.get(extension);
        if (kind == null || content.length < kind.magic().length
                || !Arrays.equals(content, 0, kind.magic().length, kind.magic(), 0, kind.magic().length)) {
            throw new CaseForms.Invalid(Map.of("file", "casework.attachment.error.type"));
        }
        CaseAttachment saved = attachments.save(new CaseAttachment(caseId, name, kind.contentType(), content.length,
                cipher.seal(content), user.username(), clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "case_attachment", saved.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("case " + caseId));
        return saved;
    }

    @Transactional(readOnly = true)
    public Download download(CurrentUser user, long caseId, long attachmentId) {
        CaseAttachment a = attachments.findById(attachmentId).filter(x -> x.getCaseId() == caseId)
                .orElseThrow(() -> new NoSuchElementException("attachment " + attachmentId));
        if (!policy.access(user, cases.find(caseId)).canChange()) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "case_attachment", attachmentId,
                    AuditEntry.Outcome.DENIED).withDetails("case " + caseId));
            throw new AccessDeniedException("attachment refused");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "case_attachment", attachmentId, AuditEntry.Outcome.SUCCESS)
                .withDetails("case " + caseId));
        return new Download(a.getFileName(), a.getContentType(), cipher.open(a.getContent()));
    }

    @Transactional(readOnly = true)
    public List<CaseAttachment> of(long caseId) {
        return attachments.findByCaseIdOrderByUploadedAt(caseId);
    }
}
