package vn.childguard.privacy.internal;

/**
 * What a data subject asks for, with the working days the controller has to carry it out (DOMAIN §6,
 * Decree 356/2025): view or correct 10, restrict processing or withdraw consent 15, delete 20. Every
 * request gets a first answer within {@link #FIRST_ANSWER_DAYS}.
 */
public enum RequestKind {
    ACCESS(10),
    CORRECTION(10),
    RESTRICTION(15),
    WITHDRAWAL(15),
    DELETION(20);

    public static final int FIRST_ANSWER_DAYS = 2;

    private final int workingDays;

    RequestKind(int workingDays) {
        this.workingDays = workingDays;
    }

    public int workingDays() {
        return workingDays;
    }
}
