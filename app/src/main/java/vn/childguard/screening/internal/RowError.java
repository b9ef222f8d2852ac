package vn.childguard.screening.internal;

/** A problem with one row (line 1 is the header) and column; {@code messageKey} is a bundle key. */
public record RowError(int line, String column, String messageKey, String detail) {
}
