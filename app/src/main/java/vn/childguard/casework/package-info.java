/**
 * Casework: child-protection cases under the Law on Children 2016 and Decree 56/2017 — initial
 * assessment (Form 02), emergency intervention or temporary separation (07), detailed needs
 * assessment (03), support plan (04) and its approval (05), implementation notes, review (06),
 * closure, reopening — with their deadlines in calendar hours or working days; referrals between
 * agencies with accept/decline and need-to-know access; consents; notes and encrypted attachments;
 * the "action needed" inbox. Cases open from intake reports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organisation", "audit", "people", "intake"})
package vn.childguard.casework;
