package vn.childguard.intake;

/**
 * Reports made by other modules in one step, without the intake operator's form: a school refers a
 * student whose risk has risen. The report is routed like any other (to the committee of the
 * commune), with channel {@code SCHOOL}, and carries only what the committee needs to act.
 */
public interface IntakeReferrals {

    /**
     * Records a report from the current user's school and returns its id. Needs the SCHOOL_STAFF role;
     * a refusal is audited and throws {@link org.springframework.security.access.AccessDeniedException}.
     *
     * @param unitCode  commune where the child lives (routing follows it)
     * @param narrative what the school knows, as the committee should read it
     * @param contact   how the committee reaches the school about it
     */
    long referFromSchool(String unitCode, String narrative, String contact);
}
