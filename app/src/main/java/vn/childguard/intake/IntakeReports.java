package vn.childguard.intake;

import java.util.List;
import java.util.Optional;

/** Reports as other modules use them. Reads check the current user's access and are audited. */
public interface IntakeReports {

    Optional<IntakeSummary> find(long intakeId);

    /** Reports routed to the agency, or naming it as the competent agency, that no case has been opened from yet, oldest first. */
    List<IntakeSummary> awaitingCase(String agencyCode);

    /** Records that a case was opened from the report (the report then shows the case). */
    void caseOpened(long intakeId, long caseId);
}
