/**
 * Reporting: the home page and dashboards of each role, statistics over a read model of anonymous
 * case facts, periodic statistical reports and the de-identified release. A sink: it reads other
 * modules through their APIs and is read by none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation",
        "audit", "planning", "casework", "trafficking", "people", "intelligence", "screening"})
package vn.childguard.reporting;
