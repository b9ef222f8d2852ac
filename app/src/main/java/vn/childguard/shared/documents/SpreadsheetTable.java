package vn.childguard.shared.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.childguard.shared.VietnameseText;

/**
 * One worksheet of an XLSX export: a tab name, an optional title row, a header row and data rows
 * whose cells are {@link String}s, {@link Number}s, {@link Formula}s or {@code null} (an empty cell).
 *
 * @param sheetName the tab name: at most 31 characters, none of {@code []:*?/\}
 * @param title     a bold line above the header, or {@code null}
 * @param header    column headings
 * @param rows      data rows, each at most as wide as the header
 */
public record SpreadsheetTable(String sheetName, String title, List<String> header, List<List<Object>> rows) {

    /** Excel refuses longer tab names and these characters when it opens the file. */
    private static final int MAX_SHEET_NAME = 31;
    private static final String FORBIDDEN_IN_SHEET_NAME = "[]:*?/\\";

    public SpreadsheetTable {
        if (sheetName == null || sheetName.isBlank()) {
            throw new IllegalArgumentException("sheet name is required");
        }
        sheetName = VietnameseText.nfc(sheetName.strip());
        if (sheetName.length() > MAX_SHEET_NAME
                || sheetName.chars().anyMatch(c -> FORBIDDEN_IN_SHEET_NAME.indexOf(c) >= 0)
                || sheetName.startsWith("'") || sheetName.endsWith("'")) {
            throw new IllegalArgumentException("not a valid sheet name: " + sheetName);
        }
        title = title == null || title.isBlank() ? null : VietnameseText.nfc(title.strip());
        header = Objects.requireNonNull(header, "header").stream().map(h -> VietnameseText.nfc(Objects.requireNonNull(h, "header cell"))).toList();
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a sheet has at least one column");
        }
        int width = header.size();
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : Objects.requireNonNull(rows, "rows")) {
            if (row.size() > width) {
                throw new IllegalArgumentException("row " + row + " is wider than the header (" + width + ")");
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(switch (cell) {
                    case null -> null;
                    case String text -> VietnameseText.nfc(text);
                    case Number value -> value;
                    case Formula formula -> formula;
                    default -> throw new IllegalArgumentException("cells are strings or numbers, not " + cell.getClass().getName());
                });
            }
            // List.copyOf refuses nulls, and an empty cell is a legitimate value
            copied.add(Collections.unmodifiableList(cells));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /**
     * A formula cell written by the program (never from user text), e.g. {@code SUM(B4:B9)} for a total a
     * reviewer expects to see recomputed; without the leading {@code =}.
     */
    public record Formula(String expression) {
        public Formula {
            Objects.requireNonNull(expression, "expression");
            if (expression.startsWith("=")) {
                throw new IllegalArgumentException("a formula is written without its leading '='");
            }
        }
    }

    /** The spreadsheet name of a zero-based column: 0 → A, 26 → AA. */
    public static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** The one-based spreadsheet row of the first data row: after the title, a blank row and the header. */
    public int firstDataRow() {
        return title == null ? 2 : 4;
    }

    /** A sheet from rows of any cell type, e.g. {@code List.of(List.of("Tây Ninh", 12))}. */
    public static SpreadsheetTable of(String sheetName, String title, List<String> header, List<? extends List<?>> rows) {
        List<List<Object>> widened = new ArrayList<>();
        for (List<?> row : rows) {
            widened.add(new ArrayList<>(row));
        }
        return new SpreadsheetTable(sheetName, title, header, widened);
    }
}
