package vn.childguard.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scored candidate for one query.
 *
 * @param entryId id of the index entry
 * @param score   posterior-style score in [0,1]; see {@link MatchIndex} for the mapping from evidence
 * @param alert   whether the engine alerts on this pair at the threshold used
 * @param reasons the evidence, one item per compared part
 */
public record Match(String entryId, double score, boolean alert, List<Reason> reasons) {

    public Match {
        reasons = List.copyOf(reasons);
    }

    /** Reasons as one {@code ;}-separated string, as written by the CLI. */
    public String reasonsText() {
        return reasons.stream().map(Reason::toString).collect(Collectors.joining(";"));
    }
}
