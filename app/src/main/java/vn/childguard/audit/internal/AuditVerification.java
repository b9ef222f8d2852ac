package vn.childguard.audit.internal;

import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;

/**
 * Verifies the hash chain and records that it was verified, whoever asked: an auditor on the page
 * or the API, or an operator on the command line. The record comes after the check, so it is not
 * counted in the result it describes.
 */
@Service
public class AuditVerification {

    /** Where a verification was started, kept in the record's details. */
    public enum Channel { WEB, API, COMMAND_LINE }

    private final AuditLog audit;

    AuditVerification(AuditLog audit) {
        this.audit = audit;
    }

    public AuditLog.Verification verifyAndRecord(Channel channel) {
        AuditLog.Verification result = audit.verify();
        String details = "channel=" + channel.name().toLowerCase(Locale.ROOT) + ", ok=" + result.ok()
                + ", checked=" + result.checked() + ", firstBrokenId=" + result.firstBrokenId();
        AuditEntry entry = new AuditEntry(channel == Channel.COMMAND_LINE ? "system" : "?", null,
                AuditLog.Actions.VERIFY, "audit_event", null, null, AuditEntry.Outcome.SUCCESS, null, details);
        audit.record(entry);
        return result;
    }
}
