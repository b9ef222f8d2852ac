package vn.childguard.trafficking.internal;

import java.util.List;

/**
 * The steps of bringing a person home from abroad (Law 53/2024 Art. 30), in order, with the details
 * each one records. {@link #CHILD_HANDOVER} is for under-18s only.
 */
public enum RepatriationStep {
    LOCATED(List.of("country", "city", "facility")),
    MISSION_ASSIGNED(List.of("mission")),
    FOREIGN_AUTHORITY_CONTACT(List.of("authority", "contact")),
    IDENTITY_VERIFICATION(List.of("result")),
    TRAVEL_DOCUMENT(List.of("documentKind", "documentNumber")),
    TRAVEL_BOOKED(List.of("carrier", "flight")),
    ARRIVAL(List.of("borderGate")),
    HANDOVER(List.of("receivingAgency")),
    CHILD_HANDOVER(List.of("handedTo", "escort"));

    public static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "DONE", "FAILED");

    private final List<String> fields;

    RepatriationStep(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }
}
