package vn.childguard.audit.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.internal.AuditVerification;

/** Integrity check of the access log for monitoring scripts; each call is itself recorded. */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

    private final AuditVerification verification;

    AuditApiController(AuditVerification verification) {
        this.verification = verification;
    }

    @PostMapping("/api/v1/audit/verify")
    AuditLog.Verification verify() {
        return verification.verifyAndRecord(AuditVerification.Channel.API);
    }
}
