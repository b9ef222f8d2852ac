/**
 * Retention: schedules as data per record type (anonymise or delete N months after a trigger date),
 * legal holds that block them, the daily job that applies what is due (audited), and the data-protection
 * officer's report of what will happen next month. Owning modules describe their records through
 * {@code shared.retention.RetainedRecords}; retention never reads their tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "organisation"})
package vn.childguard.retention;
