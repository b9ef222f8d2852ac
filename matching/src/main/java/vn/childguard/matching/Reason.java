package vn.childguard.matching;

/**
 * One piece of evidence behind a score.
 *
 * @param part      {@code name}, {@code birth_date}, {@code document}, {@code citizen_id}, {@code sex} or {@code nationality}
 * @param agreement how that part compared, e.g. {@code exact}, {@code swapped}, {@code one_digit}, {@code 3/3 tokens}
 * @param weight    log2 likelihood-ratio contribution in bits (negative for disagreement)
 */
public record Reason(String part, String agreement, double weight) {

    @Override
    public String toString() {
        return part + "=" + agreement + "(" + (weight >= 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", weight) + ")";
    }
}
