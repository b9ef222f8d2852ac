package vn.childguard.casework;

import java.util.List;

/**
 * Children the border-exit screening must recognise: register people who are the child of an open
 * child-protection case. Ids and case facts only, no identity (the register decides who reads that).
 */
public interface AtRiskChildren {

    /** Every child of an open case, one row per child (the most serious open case). */
    List<AtRiskChild> current();

    /** Whether the person is the child of an open case (cheap; no audit: reveals no identity). */
    boolean isAtRisk(long personId);

    /**
     * @param reason   {@code SERIOUS_RISK} when the case records a serious risk, otherwise {@code OPEN_CASE}
     * @param unitCode the commune the case belongs to
     */
    record AtRiskChild(long personId, String reason, String unitCode, String caseReference) {
    }
}
