/**
 * Reporting: the home page and dashboards of each role, statistics and documents. A sink: it reads
 * other modules through their APIs and is read by none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit"})
package vn.childguard.reporting;
