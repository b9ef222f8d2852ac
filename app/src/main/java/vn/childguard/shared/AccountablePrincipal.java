package vn.childguard.shared;

/** What the audit log needs to know of a signed-in principal without knowing the organisation module. */
public interface AccountablePrincipal {

    String username();

    String agencyCode();
}
