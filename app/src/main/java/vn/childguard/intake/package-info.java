/**
 * Intake: reports from every channel (hotline 111, police, school, family, commune, health facility,
 * mission abroad, NGO, public web form) recorded as Decree 56 Form 01, triaged by urgency and routed
 * at once to the commune where it happened and the competent agency; the clock starts at reception.
 * The public tip form (no login, no JavaScript, rate-limited) gives a tracking code that shows only the
 * status. Uses {@code people} for search-before-create of the people involved.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people"})
package vn.childguard.intake;
