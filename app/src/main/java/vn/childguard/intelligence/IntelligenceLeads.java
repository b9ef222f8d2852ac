package vn.childguard.intelligence;

/**
 * How other modules hand intelligence a lead without intelligence depending on them: screening
 * escalates an alert, and an entity (with a link whose source is the alert) is created or found.
 */
public interface IntelligenceLeads {

    /**
     * What screening knows about the traveller of an escalated alert.
     *
     * @param alertReference   the screening alert's reference, kept as the link's source
     * @param personId         the register person the alert is about, when known
     * @param watchlistEntryId the watchlist entry the traveller matched, when the alert is a watchlist match
     * @param fullName         the name as travelled
     * @param birthDate        as travelled ({@code YYYY-MM-DD} or {@code YYYY}), may be null
     * @param documentNumber   as travelled, may be null
     * @param summary          why the alert was escalated (rules fired, trip), no more than needed
     */
    record ScreeningLead(String alertReference, Long personId, Long watchlistEntryId, String fullName,
                         String birthDate, String documentNumber, String summary) {
    }

    /**
     * Records a screening alert as a lead and returns the person entity it is linked to: the entity
     * of the matched watchlist entry, else the entity of the register person, else a person entity
     * with the same name and the same birth date or document, else a new one. Needs an
     * INTELLIGENCE_OFFICER or SCREENING_OFFICER. Handing in the same alert again returns the same entity.
     */
    long leadFromScreeningAlert(ScreeningLead lead);
}
