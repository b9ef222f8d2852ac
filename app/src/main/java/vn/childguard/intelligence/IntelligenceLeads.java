package vn.childguard.intelligence;

/**
 * How other modules hand intelligence a lead without intelligence depending on them: screening
 * escalates an alert, and an entity (with a link whose source is the alert) is created or found.
 */
public interface IntelligenceLeads {

    /**
     * Records a screening alert as a lead: finds or creates the person entity and links it to the
     * alert. Needs an INTELLIGENCE_OFFICER or SCREENING_OFFICER. Returns the entity id.
     *
     * @param alertReference the screening alert's reference, kept as the link's source
     * @param personId       the register person the alert is about, when known
     * @param fullName       the name as travelled (for a person not in the register)
     * @param summary        why the alert was escalated (rules fired, companions), no more than needed
     */
    long leadFromScreeningAlert(String alertReference, Long personId, String fullName, String summary);
}
