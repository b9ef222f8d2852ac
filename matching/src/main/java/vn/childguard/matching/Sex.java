package vn.childguard.matching;

/** Recorded sex of a person; {@link #UNKNOWN} when the source left it empty. */
public enum Sex {
    MALE, FEMALE, UNKNOWN;

    /**
     * Parses {@code M}, {@code F} or empty (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Sex parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return UNKNOWN;
        }
        if (t.equalsIgnoreCase("M")) {
            return MALE;
        }
        if (t.equalsIgnoreCase("F")) {
            return FEMALE;
        }
        throw new IllegalArgumentException("sex must be M, F or empty: '" + text + "'");
    }
}
