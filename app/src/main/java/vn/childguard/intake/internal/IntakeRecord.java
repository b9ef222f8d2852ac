package vn.childguard.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.intake.Urgency;

/** A stored report, decrypted (Form 01 content). Never log it. */
public record IntakeRecord(long id, String reference, String channel, Instant receivedAt, long receivedBy,
                           String receivedByUsername, String receivingAgencyCode, boolean reporterAnonymous,
                           String reporterName, String reporterContact, LocalDate occurredOn, String unitCode,
                           String place, String narrative, Urgency urgency, boolean abuserIsCarer,
                           String routedAgencyCode, String competentAgencyCode, Instant routedAt, Status status,
                           Long caseId, Long sourceTipId, long version, List<IntakeSummary.Involved> involved) {

    /** Where a report stands: routed at once on reception, then a case is opened or it is closed. */
    public enum Status { RECEIVED, ROUTED, CASE_OPENED, CLOSED_NO_ACTION }

    public IntakeRecord {
        involved = List.copyOf(involved);
    }

    public IntakeSummary summary() {
        return new IntakeSummary(id, reference, channel, receivedAt, occurredOn, unitCode, routedAgencyCode, urgency,
                abuserIsCarer, narrative, involved, caseId);
    }
}
