package vn.childguard.people;

import java.util.List;

/**
 * One search-before-create hit: enough to recognise the person (name, birth year, commune), never the
 * documents or contacts.
 *
 * @param reasons the engine's evidence as readable items, e.g. {@code name=3/3 tokens(+12.0)}
 */
public record PersonCandidate(long personId, String fullName, Integer birthYear, String sex, String unitName,
                              double score, boolean strong, List<String> reasons) {

    public PersonCandidate {
        reasons = List.copyOf(reasons);
    }
}
