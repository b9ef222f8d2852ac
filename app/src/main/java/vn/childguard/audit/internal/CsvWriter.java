package vn.childguard.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes RFC 4180 CSV (CRLF line ends, fields quoted only when they hold a comma, quote or line
 * break, quotes doubled). Cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) get a leading apostrophe, as OWASP advises for CSV
 * injection, because audit rows carry text typed by users.
 */
public final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Appendable out;

    public CsvWriter(Appendable out) {
        this.out = out;
    }

    public void row(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field, neutralised and quoted as needed; null is an empty field. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
