/**
 * Intelligence and prosecutions, a police-only compartment: typed entities (people from the register,
 * organisations, rings, phones, accounts, vehicles, places, routes, events) and graded, dated links
 * that are retracted, never deleted; the network view with server-side traversal; hotspots on the
 * commune map; criminal proceedings and their programme counts; the watchlist, whose changes are
 * published as {@link vn.childguard.intelligence.WatchlistChanged} for screening.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people", "intake", "casework", "trafficking", "matching"})
package vn.childguard.intelligence;
