package vn.childguard.casework;

/** Where a child-protection case stands in the Decree 56 procedure. */
public enum CaseStatus {
    /** Opened from a report (Form 01), not yet assessed. */
    REPORTED,
    /** Initial assessment (Form 02) recorded. */
    INITIAL_ASSESSMENT,
    /** Emergency intervention or temporary separation decided (Form 07). */
    EMERGENCY,
    /** Detailed needs assessment (Form 03) recorded; the plan is being drawn up. */
    NEEDS_ASSESSMENT,
    /** Support plan (Form 04) submitted for approval. */
    PLAN_SUBMITTED,
    /** Plan approved by the commune chairman (Form 05). */
    PLAN_APPROVED,
    /** Plan carried out and monitored. */
    IMPLEMENTATION,
    /** Review (Form 06) recorded. */
    REVIEW,
    CLOSED,
    /** Closed and opened again; the next step is a new needs assessment. */
    REOPENED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
