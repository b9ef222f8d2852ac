/**
 * Privacy: the personal-data duties of the controller under Law 91/2025/QH15 and Decree 356/2025 —
 * data-subject requests with their legal clocks in working days (first answer 2; view or correct 10;
 * restrict or withdraw consent 15; delete 20), assignment, answer and the export of what every module
 * holds about the person (through {@link vn.childguard.people.PersonDataHolder}, never their tables);
 * and the breach register with the 72-hour notification clock to the authority (A05, Ministry of Public
 * Security), the notification as a Decree 30 document, kept 5 years.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people"})
package vn.childguard.privacy;
