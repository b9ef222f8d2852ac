package vn.childguard.casework;

/** The Decree 56 clocks a case runs. */
public enum DeadlineKind {
    /** Emergency intervention or temporary separation within 12 calendar hours of reception. */
    EMERGENCY_ACTION,
    /** Support plan (Form 04) within 5 working days. */
    SUPPORT_PLAN,
    /** Approval (Form 05) within 2 working days of submission. */
    PLAN_APPROVAL,
    /** Temporary separation ends after at most 15 days unless extended. */
    SEPARATION_END,
    /** The receiving agency accepts or declines a referral within 2 working days. */
    REFERRAL_RESPONSE
}
