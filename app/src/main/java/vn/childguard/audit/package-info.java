/**
 * Audit: the append-only, hash-chained access log (who read, changed, exported or was refused which
 * record, when, from where and why), security events, and Envers change history of audited
 * entities. Any module records through {@link vn.childguard.audit.AuditLog}; auditors filter,
 * export and verify the chain. Depends on nothing but {@code shared}; publishes and listens to no
 * events, because a record must be written in the same transaction as the access it describes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.childguard.audit;
