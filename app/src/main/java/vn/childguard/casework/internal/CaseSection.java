package vn.childguard.casework.internal;

/**
 * Parts of a case a referral may share with the receiving agency (need-to-know). The referral
 * itself (reason, requested services) is always visible to its receiver.
 */
public enum CaseSection {
    /** The child's identity (name, birth date) as the register holds it. */
    CHILD_IDENTITY,
    /** Initial and detailed assessments (Forms 02, 03) and emergency decisions (07). */
    ASSESSMENT,
    /** The support plan and its approval (Forms 04, 05). */
    PLAN,
    /** Monitoring notes and the review (Form 06). */
    MONITORING
}
