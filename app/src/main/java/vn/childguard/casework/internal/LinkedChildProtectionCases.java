package vn.childguard.casework.internal;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.intake.IntakeReports;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;

/**
 * Opens child-protection cases asked for by other modules (a child victim of trafficking) through
 * the same path as any case opening ({@link CaseworkService#openOwnedBy}): the same checks of the
 * child and the commune, the current user's right to open a case there, the opener leading the team,
 * the clocks and the audit — only the owner differs: the given agency (the commune People's
 * Committee), so that its case workers see the case under {@link CasePolicy}. The reason is the
 * first note, encrypted.
 */
@Service
@Transactional
class LinkedChildProtectionCases implements ChildProtectionCases {

    private final CaseworkService service;
    private final OrganisationDirectory directory;
    private final IntakeReports reports;

    LinkedChildProtectionCases(CaseworkService service, OrganisationDirectory directory, IntakeReports reports) {
        this.service = service;
        this.directory = directory;
        this.reports = reports;
    }

    @Override
    public long openFor(long personId, String unitCode, String owningAgencyCode, String reason) {
        CurrentUser user = directory.currentUser()
                .orElseThrow(() -> new AccessDeniedException("a child-protection case is opened by a signed-in user"));
        return service.openOwnedBy(user, new CaseworkService.OpenCase(null, personId, unitCode, false, false),
                owningAgencyCode, reason).getId();
    }

    @Override
    public long openFromReport(long intakeId, long personId, String reason) {
        CurrentUser user = directory.currentUser()
                .orElseThrow(() -> new AccessDeniedException("a child-protection case is opened by a signed-in user"));
        IntakeSummary report = reports.find(intakeId).orElseThrow(() -> new java.util.NoSuchElementException("intake " + intakeId));
        return service.openOwnedBy(user, new CaseworkService.OpenCase(intakeId, personId, null, false, false),
                report.agencyCode(), reason).getId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reference(long caseId) {
        return service.referenceOf(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Integer> childAgeOn(long caseId, java.time.LocalDate day) {
        return service.childAgeOn(caseId, day);
    }

    @Override
    public Optional<Long> childSharedWithCurrentUser(long caseId) {
        return service.childSharedWith(directory.currentUser().orElse(null), caseId);
    }
}
