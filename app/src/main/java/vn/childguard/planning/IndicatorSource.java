package vn.childguard.planning;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The hook through which other modules propose indicator values: a module that records the work an
 * indicator counts (prevention: teachers trained; casework: victims supported) implements this, and
 * a new progress report starts with the proposed value beside an empty field for the reporter to
 * confirm or correct. Planning depends on no implementation; each implementing module depends on
 * planning.
 */
public interface IndicatorSource {

    /** The count for the agency and period, or empty when this source does not know the indicator. */
    Optional<BigDecimal> count(String indicatorCode, String agencyCode, Period period);
}
