package vn.childguard.trafficking;

/**
 * Where a trafficking case stands. {@link #UNDER_VERIFICATION} is the person "đang trong quá trình xác
 * định là nạn nhân", already entitled to part of the support.
 */
public enum TraffickingStatus {
    REPORTED,
    RECEIVED,
    UNDER_VERIFICATION,
    IDENTIFIED,
    NOT_A_VICTIM,
    SUPPORTED,
    REINTEGRATING,
    FOLLOW_UP,
    CLOSED
}
