package vn.childguard.organisation;

/**
 * What a user may do, independent of which agency they work for. A user may hold several.
 * Spring Security sees each as the authority {@code ROLE_<name>}.
 */
public enum Role {
    SYSTEM_ADMIN,
    PLAN_COORDINATOR,
    PLAN_REPORTER,
    INTAKE_OPERATOR,
    CASE_WORKER,
    CASE_SUPERVISOR,
    INTELLIGENCE_OFFICER,
    SCREENING_OFFICER,
    PREVENTION_OFFICER,
    SCHOOL_STAFF,
    LEADERSHIP_VIEWER,
    AUDITOR;

    /** Roles whose holders see personal data of children or victims: TOTP is enforced for them. */
    public boolean seesPersonalData() {
        return switch (this) {
            case INTAKE_OPERATOR, CASE_WORKER, CASE_SUPERVISOR, INTELLIGENCE_OFFICER, SCREENING_OFFICER,
                 SYSTEM_ADMIN, AUDITOR -> true;
            default -> false;
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
