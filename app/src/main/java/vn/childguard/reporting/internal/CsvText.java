package vn.childguard.reporting.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV lines (RFC 4180) for spreadsheets: a field a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe, so it stays text.
 */
public final class CsvText {

    private static final String TRIGGERS = "=+-@\t\r";

    private CsvText() {
    }

    public static String line(List<?> fields) {
        return fields.stream().map(f -> field(f == null ? "" : String.valueOf(f))).collect(Collectors.joining(","))
                + "\r\n";
    }

    public static String field(String value) {
        String v = !value.isEmpty() && TRIGGERS.indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
