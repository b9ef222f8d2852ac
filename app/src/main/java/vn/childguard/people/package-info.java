/**
 * People: the one register of people every module uses (children, victims, parents, carers,
 * suspects later). Names as written plus a search key folded by the {@code matching} library; sex;
 * date of birth (full, year only or estimated age); documents; nationality and ethnicity; address as
 * an administrative unit plus free text; contacts; relationships; photo. Identity fields are
 * encrypted at rest and shown only to users whom a module with a stake in the person lets through
 * ({@link vn.childguard.people.PersonAccess}). Search-before-create and de-duplication (merge with
 * history, or dismiss) run on the matching engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "matching"})
package vn.childguard.people;
