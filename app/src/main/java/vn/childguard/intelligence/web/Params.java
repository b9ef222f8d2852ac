package vn.childguard.intelligence.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childguard.intelligence.internal.Graph;
import vn.childguard.intelligence.internal.IntelligenceRuleException;

/** Parsing of dates, numbers and graph filters from pages and the API, naming the field at fault. */
final class Params {

    private Params() {
    }

    static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "intelligence.error.date");
            return null;
        }
    }

    static Long number(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "intelligence.error.number");
            return null;
        }
    }

    static Double decimal(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "intelligence.error.number");
            return null;
        }
    }

    /** Items of a comma- or newline-separated list. */
    static List<String> items(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Set<Long> ids(String value, String field, Map<String, String> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String item : items(value)) {
            Long id = number(item, field, errors);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    static Graph.Filter filter(String types, String from, String to, Map<String, String> errors) {
        return new Graph.Filter(Set.copyOf(items(types)), date(from, "dateFrom", errors), date(to, "dateTo", errors));
    }

    static void check(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
    }
}
