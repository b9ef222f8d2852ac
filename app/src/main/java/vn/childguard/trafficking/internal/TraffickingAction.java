package vn.childguard.trafficking.internal;

/** Steps of a trafficking case, each with the legal basis recorded when the user gives none. */
public enum TraffickingAction {
    /** The report itself: recorded when the case is created, never taken as a step. */
    REPORT("Luật PCMBN 53/2024, Điều 26"),
    RECEIVE("Luật PCMBN 53/2024, Điều 27"),
    START_VERIFICATION("Luật PCMBN 53/2024, Điều 27; Nghị định 162/2025"),
    IDENTIFY("Luật PCMBN 53/2024, Điều 32"),
    NOT_A_VICTIM("Luật PCMBN 53/2024, Điều 32"),
    START_SUPPORT("Luật PCMBN 53/2024, Điều 37"),
    START_REINTEGRATION("Luật PCMBN 53/2024, Điều 37; Nghị định 162/2025"),
    START_FOLLOW_UP("Nghị định 162/2025"),
    CLOSE("Luật PCMBN 53/2024"),
    REOPEN("Luật PCMBN 53/2024");

    private final String defaultLegalBasis;

    TraffickingAction(String defaultLegalBasis) {
        this.defaultLegalBasis = defaultLegalBasis;
    }

    public String defaultLegalBasis() {
        return defaultLegalBasis;
    }
}
