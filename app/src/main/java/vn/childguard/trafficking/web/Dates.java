package vn.childguard.trafficking.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import vn.childguard.trafficking.internal.TraffickingRuleException;

/** Dates typed as {@code YYYY-MM-DD}: blank is null, anything else unreadable names its field. */
final class Dates {

    private Dates() {
    }

    static LocalDate parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TraffickingRuleException.Invalid(Map.of(field, "trafficking.data.error.date"));
        }
    }

    static Long amount(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip().replace(".", "").replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new TraffickingRuleException.Invalid(Map.of(field, "trafficking.data.error.amount"));
        }
    }
}
