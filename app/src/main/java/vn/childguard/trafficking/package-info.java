/**
 * Trafficking: cases of victims of trafficking in persons under Law 53/2024 and Decree 162/2025 —
 * reception, initial verification within 3 days (led by the health department with the provincial
 * police), identification on Art. 32 grounds, HTCDS-style case data, support entitlements under the
 * Art. 37 matrix (rules as data) and their delivery, repatriation from abroad (foreign affairs),
 * reintegration plan and follow-ups, and the link to a child-protection case for under-18s.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people", "casework"})
package vn.childguard.trafficking;
