package vn.childguard.intelligence;

import java.time.LocalDate;
import java.util.List;

/**
 * One watchlisted person with every known name, birth date and document, for matching.
 *
 * @param birthDates {@code YYYY-MM-DD} or {@code YYYY}
 * @param alertLevel {@code HIGH}, {@code MEDIUM} or {@code LOW}
 */
public record WatchlistEntry(long id, Long personId, List<String> names, List<String> birthDates, String sex,
                             List<String> documents, String nationality, String alertLevel, LocalDate validUntil) {

    public WatchlistEntry {
        names = List.copyOf(names);
        birthDates = List.copyOf(birthDates);
        documents = List.copyOf(documents);
    }
}
