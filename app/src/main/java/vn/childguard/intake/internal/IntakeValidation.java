package vn.childguard.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.childguard.intake.Urgency;

/**
 * Field rules of a report, shared by the operator's page and the API: field name → message key.
 * Set-membership rules take the allowed codes so the class stays free of the database.
 */
public final class IntakeValidation {

    public static final int NARRATIVE_MAX = 8000;
    public static final int SHORT_MAX = 200;
    /** A reception time may run ahead of the server clock by this much (an operator's watch). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What the checks need to know besides the input. */
    public record Codes(Set<String> channels, Set<String> communes, Set<String> agencies, Instant now,
                        LocalDate today) {
    }

    private IntakeValidation() {
    }

    public static Map<String, String> check(String channel, Instant receivedAt, boolean receivedAtTyped,
                                            boolean anonymous, String reporterName, String reporterContact,
                                            LocalDate occurredOn, boolean occurredOnTyped, String unitCode,
                                            String place, String narrative, String urgency, String competentAgency,
                                            Codes codes) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (Inputs.blank(channel)) {
            errors.put("channel", "intake.error.channel.required");
        } else if (!codes.channels().contains(channel.strip())) {
            errors.put("channel", "intake.error.channel.unknown");
        }
        if (receivedAt == null) {
            errors.put("receivedAt", receivedAtTyped ? "intake.error.receivedAt.format" : "intake.error.receivedAt.required");
        } else if (receivedAt.isAfter(codes.now().plus(CLOCK_SKEW))) {
            errors.put("receivedAt", "intake.error.receivedAt.future");
        }
        if (!anonymous) {
            if (Inputs.blank(reporterName) && Inputs.blank(reporterContact)) {
                errors.put("reporterName", "intake.error.reporter.required");
            }
            if (!Inputs.blank(reporterContact) && !Inputs.isPhone(reporterContact)
                    && !reporterContact.contains("@")) {
                errors.put("reporterContact", "intake.error.reporter.contact");
            }
        }
        if (tooLong(reporterName)) {
            errors.put("reporterName", "intake.error.tooLong");
        }
        if (occurredOn == null && occurredOnTyped) {
            errors.put("occurredOn", "intake.error.occurredOn.format");
        } else if (occurredOn != null && occurredOn.isAfter(codes.today())) {
            errors.put("occurredOn", "intake.error.occurredOn.future");
        }
        if (Inputs.blank(unitCode)) {
            errors.put("unitCode", "intake.error.unit.required");
        } else if (!codes.communes().contains(unitCode.strip())) {
            errors.put("unitCode", "intake.error.unit.unknown");
        }
        if (tooLong(place)) {
            errors.put("place", "intake.error.tooLong");
        }
        if (Inputs.blank(narrative)) {
            errors.put("narrative", "intake.error.narrative.required");
        } else if (narrative.strip().length() > NARRATIVE_MAX) {
            errors.put("narrative", "intake.error.narrative.long");
        }
        if (urgency(urgency) == null) {
            errors.put("urgency", "intake.error.urgency.required");
        }
        if (!Inputs.blank(competentAgency) && !codes.agencies().contains(competentAgency.strip())) {
            errors.put("competentAgencyCode", "intake.error.agency.unknown");
        }
        return errors;
    }

    public static Urgency urgency(String text) {
        if (Inputs.blank(text)) {
            return null;
        }
        try {
            return Urgency.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean tooLong(String text) {
        return text != null && text.strip().length() > SHORT_MAX;
    }
}
