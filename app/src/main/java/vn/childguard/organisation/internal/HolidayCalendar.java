package vn.childguard.organisation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.WorkingCalendar;

/**
 * The working calendar over the reference list {@code public_holiday} (code = ISO date; disabled
 * items are not holidays). The set is cached and dropped whenever reference data are (re)loaded or an
 * administrator edits a holiday, so a corrected list takes effect without a restart.
 */
@Component
class HolidayCalendar implements WorkingCalendar {

    static final String LIST = "public_holiday";
    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

    private final ReferenceItemRepository items;
    private volatile Set<LocalDate> cached;

    HolidayCalendar(ReferenceItemRepository items) {
        this.items = items;
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        Set<LocalDate> holidays = cached;
        if (holidays == null) {
            holidays = load();
            cached = holidays;
        }
        return holidays.contains(day);
    }

    /** Forgets the cached holidays; the next question reads the list again. */
    void invalidate() {
        cached = null;
    }

    private Set<LocalDate> load() {
        Set<LocalDate> days = new HashSet<>();
        for (ReferenceItem item : items.findByListCodeOrderByCode(LIST)) {
            if (!item.isEnabled()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(item.getCode()));
            } catch (DateTimeParseException e) {
                log.warn("Ignoring public_holiday item whose code is not an ISO date (id {})", item.getId());
            }
        }
        return Set.copyOf(days);
    }
}
