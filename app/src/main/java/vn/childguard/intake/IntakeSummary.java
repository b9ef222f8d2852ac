package vn.childguard.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded report as casework sees it.
 *
 * @param reference    human reference shown on screens and documents, e.g. {@code TN-2026-000123}
 * @param receivedAt   when it was received: the deadline clocks start here
 * @param unitCode     the commune where it happened (routing follows it)
 * @param agencyCode   the competent agency it was routed to
 * @param involved     the registered people the report names, with their part (CHILD, ALLEGED_ABUSER, PARENT, WITNESS…)
 * @param caseId       the case opened from it, or null
 */
public record IntakeSummary(long id, String reference, String channel, Instant receivedAt, LocalDate occurredOn,
                            String unitCode, String agencyCode, Urgency urgency, boolean abuserIsCarer, String narrative,
                            List<Involved> involved, Long caseId) {

    public IntakeSummary {
        involved = List.copyOf(involved);
    }

    public record Involved(long personId, String part) {
    }
}
