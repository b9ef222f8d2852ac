package vn.childguard.casework.internal;

/** A step of the procedure that changes a case's status; the forms a step records are named. */
public enum CaseAction {
    INITIAL_ASSESSMENT("F02"),
    EMERGENCY_DECISION("F07"),
    NEEDS_ASSESSMENT("F03"),
    SUBMIT_PLAN("F04"),
    APPROVE_PLAN("F05"),
    RETURN_PLAN("F05"),
    START_IMPLEMENTATION(null),
    REVIEW("F06"),
    CLOSE(null),
    REOPEN(null);

    private final String form;

    CaseAction(String form) {
        this.form = form;
    }

    /** The Decree 56 form the step records, or null. */
    public String form() {
        return form;
    }
}
