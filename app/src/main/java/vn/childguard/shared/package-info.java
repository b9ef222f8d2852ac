/**
 * Shared kernel: small value types (Vietnamese text folding, CSV reading) and the plumbing every
 * module needs the same way — web errors and locale, field encryption ({@code crypto}), official
 * documents in the Decree 30 layout ({@code documents}). It holds no business rules and depends on
 * no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.childguard.shared;
