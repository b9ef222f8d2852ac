/**
 * Shared kernel: small value types and web plumbing (layout attributes, locale, error bodies) that
 * every module may use. It holds no services and depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.childguard.shared;
