package vn.childguard.shared.retention;

/** What a retention schedule does to a record once its period has run. */
public enum RetentionAction {
    /** Removes identity (names, documents, addresses, free text, encrypted fields); codes and dates stay for statistics. */
    ANONYMISE,
    /** Removes the record. */
    DELETE
}
