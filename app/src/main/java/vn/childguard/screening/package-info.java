/**
 * Border-exit screening: exit and entry records from files or the API, screened against the
 * watchlist and the register of missing or at-risk children with the {@code matching} engine and
 * against rules that are data (risk countries, minors travelling alone or with unrelated adults,
 * repeated companions, hotspot communes); explained alerts for an officer to decide — never an
 * automatic refusal of travel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people", "intake", "casework", "intelligence", "matching"})
package vn.childguard.screening;
