/**
 * Organisation: administrative units (all of Vietnam, with historical units and successors),
 * agencies with effective dates and successors, users with roles and jurisdictions, reference lists
 * and public holidays, and the authentication that rests on them (form login, TOTP, API tokens).
 * Everything here is data loaded from {@code reference/} and edited by administrators.
 * <p>
 * Publishes no events yet; records security events and administrative changes through {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package vn.childguard.organisation;
