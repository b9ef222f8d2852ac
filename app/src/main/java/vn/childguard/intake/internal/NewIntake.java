package vn.childguard.intake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childguard.intake.Urgency;
import vn.childguard.people.NewPerson;

/**
 * A report as the operator (or an API client) gives it, already checked by {@link IntakeValidation}.
 *
 * @param tipId the public tip it was made from, or null
 */
public record NewIntake(String channel, Instant receivedAt, boolean reporterAnonymous, String reporterName,
                        String reporterContact, LocalDate occurredOn, String unitCode, String place, String narrative,
                        Urgency urgency, boolean abuserIsCarer, String competentAgencyCode, List<Involvement> people,
                        Long tipId) {

    public NewIntake {
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** Someone the report names: an existing person of the register, or one to register now. */
    public record Involvement(Long personId, NewPerson newPerson, String part) {
    }
}
