package vn.childguard.matching;

/** Kinds of labelled variation the synthetic generator applies to a listed person's record. */
public enum Corruption {
    /** Copy as written in the watchlist. */
    EXACT,
    /** All diacritics dropped, upper case (typical of passports and foreign systems). */
    NO_DIACRITICS,
    /** Diacritics kept on some tokens only. */
    PARTIAL_DIACRITICS,
    /** Unicode NFD (decomposed) text. */
    NFD,
    /** Given name first, family name last. */
    GIVEN_FIRST,
    /** Machine-readable-zone style: {@code NGUYEN<<THI<ANH}. */
    MRZ,
    /** Regional spelling of the family name: Hoàng/Huỳnh, Vũ/Võ. */
    REGIONAL,
    /** Middle name dropped. */
    MISSING_MIDDLE,
    /** A middle name added. */
    EXTRA_MIDDLE,
    /** One edit (substitution, insertion, deletion or transposition) in one name token. */
    TYPO,
    /** Two adjacent name tokens written as one. */
    GLUED,
    /** Birth date with day and month swapped. */
    DATE_SWAPPED,
    /** Birth date one day off. */
    DATE_ONE_DAY,
    /** Only the birth year recorded. */
    DATE_YEAR_ONLY,
    /** No birth date; the document number is present and exact. */
    DATE_MISSING_WITH_DOCUMENT,
    /** No birth date; the document number has one wrong digit. */
    DOCUMENT_ONE_DIGIT
}
