package vn.childguard.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Opens child-protection cases asked for by other modules (a child victim of trafficking): the case
 * belongs to the given agency (the commune People's Committee) so that its case workers see it under
 * {@link CasePolicy}; the reason is an encrypted note; the opening is audited. References come from
 * {@link CaseworkService}.
 */
@Service
@Transactional
class LinkedChildProtectionCases implements ChildProtectionCases {

    private final CaseRepository cases;
    private final CaseNoteRepository notes;
    private final CaseworkService service;
    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    LinkedChildProtectionCases(CaseRepository cases, CaseNoteRepository notes, CaseworkService service,
                               AgencyCatalogue agencies, OrganisationDirectory directory, DataCipher cipher,
                               AuditLog audit, Clock clock) {
        this.cases = cases;
        this.notes = notes;
        this.service = service;
        this.agencies = agencies;
        this.directory = directory;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long openFor(long personId, String unitCode, String owningAgencyCode, String reason) {
        if (agencies.byCode(owningAgencyCode).isEmpty()) {
            throw new CaseRuleException("casework.open.error.unitUnknown", "owningAgency");
        }
        if (unitCode == null || directory.unitName(unitCode, Locale.ROOT).isEmpty()) {
            throw new CaseRuleException("casework.open.error.unitUnknown", "unitCode");
        }
        String actor = directory.currentUser().map(u -> u.username()).orElse("system");
        Instant now = clock.instant();
        CpCase c = cases.saveAndFlush(new CpCase("p-" + java.util.UUID.randomUUID(), personId, null,
                owningAgencyCode, unitCode, false, false, now, now, actor));
        c.assignReference("BVTE-" + now.atZone(CaseworkService.VIETNAM).getYear() + "-" + String.format("%06d", c.getId()));
        if (reason != null && !reason.isBlank()) {
            notes.save(new CaseNote(c.getId(), CaseNote.Kind.NOTE, cipher.encrypt(reason.strip()), actor, now));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, CaseworkService.ENTITY, c.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("linked from another module"));
        return c.getId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reference(long caseId) {
        return service.referenceOf(caseId);
    }
}
