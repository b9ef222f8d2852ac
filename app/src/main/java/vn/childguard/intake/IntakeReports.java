package vn.childguard.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports as other modules use them. Reads check the current user's access and are audited. */
public interface IntakeReports {

    Optional<IntakeSummary> find(long intakeId);

    /** Reports routed to the agency, or naming it as the competent agency, that no case has been opened from yet, oldest first. */
    List<IntakeSummary> awaitingCase(String agencyCode);

    /**
     * How many reports (every channel, tips included) concern each commune where something happened,
     * received from a day on: a count per unit code, no report and no person — for hotspot maps.
     */
    Map<String, Long> countsByCommune(java.time.LocalDate since);

    /** Records that a case was opened from the report (the report then shows the case). */
    void caseOpened(long intakeId, long caseId);
}
