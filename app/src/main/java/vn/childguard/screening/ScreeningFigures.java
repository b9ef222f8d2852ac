package vn.childguard.screening;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts of exit-screening alerts for statistics: by status (open, dismissed, escalated, referred...)
 * for alerts on trips in a period. No traveller, no record, no detail.
 */
public interface ScreeningFigures {

    /** Alerts whose travel date lies between {@code from} and {@code to} (inclusive), by status code. */
    Map<String, Long> alertsByStatus(LocalDate from, LocalDate to);
}
