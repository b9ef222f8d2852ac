package vn.childguard.intake;

/**
 * Reports made by other modules in one step, without the intake operator's form: a school refers a
 * student whose risk has risen; an exit-control officer refers a child screened at the border. The report is routed like any other (to the committee of the
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

    /**
     * Records a report from the current user's exit-control unit about a child met at a border gate
     * (channel {@code POLICE}, urgency high) and returns its id. Needs the SCREENING_OFFICER or
     * INTELLIGENCE_OFFICER role;
     * a refusal is audited and throws {@link org.springframework.security.access.AccessDeniedException}.
     *
     * @param unitCode  commune where the child lives when known, else the officer's area (routing follows it)
     * @param narrative what the officer saw, as the committee should read it
     * @param contact   how the committee reaches the officer about it
     */
    long referFromBorder(String unitCode, String narrative, String contact);
}
