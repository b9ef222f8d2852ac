package vn.childguard.intake.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.childguard.intake.IntakeReports;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.organisation.OrganisationDirectory;

/** {@link IntakeReports} for other modules, with the current user's access checked and audited. */
@Service
class IntakeReportsService implements IntakeReports {

    private final IntakeService intake;
    private final OrganisationDirectory directory;

    IntakeReportsService(IntakeService intake, OrganisationDirectory directory) {
        this.intake = intake;
        this.directory = directory;
    }

    @Override
    public Optional<IntakeSummary> find(long intakeId) {
        return intake.view(directory.currentUser().orElse(null), intakeId).map(IntakeRecord::summary);
    }

    @Override
    public List<IntakeSummary> awaitingCase(String agencyCode) {
        return intake.awaitingCase(directory.currentUser().orElse(null), agencyCode).stream()
                .map(IntakeRecord::summary).toList();
    }

    @Override
    public Map<String, Long> countsByCommune(LocalDate since) {
        return intake.countsByCommune(since);
    }

    @Override
    public void caseOpened(long intakeId, long caseId) {
        intake.caseOpened(directory.currentUser().orElse(null), intakeId, caseId);
    }
}
