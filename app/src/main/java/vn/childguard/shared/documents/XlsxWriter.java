package vn.childguard.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@link SpreadsheetTable}s as an XLSX workbook, one sheet each.
 *
 * <p>Formula injection: every text value is written as a shared-string cell ({@code t="s"}); Excel
 * and LibreOffice display such a cell as text and never evaluate it, unlike a CSV field, which the
 * spreadsheet parses. The value therefore stays exactly as entered, with no apostrophe added. A
 * text starting with {@code = + - @}, a tab or a carriage return additionally gets the
 * {@code quotePrefix} cell style, Excel's own marker for "typed with a leading apostrophe", so the
 * value stays text even when someone edits the cell and presses Enter.
 */
final class XlsxWriter {

    static final String FONT = "Times New Roman";
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";
    /** In characters; a longer description wraps inside its cell rather than pushing the figures off screen. */
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int MIN_COLUMN_CHARS = 6;

    private final XSSFWorkbook workbook;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle integer;
    private final CellStyle decimal;

    private XlsxWriter(XSSFWorkbook workbook) {
        this.workbook = workbook;
        XSSFFont regularFont = font(false, 12);
        XSSFFont boldFont = font(true, 12);
        title = style(font(true, 14), false);
        header = style(boldFont, true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = style(regularFont, true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        text.setWrapText(true);
        quotedText = style(regularFont, true);
        quotedText.cloneStyleFrom(text);
        quotedText.setQuotePrefixed(true);
        integer = style(regularFont, true);
        integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        decimal = style(regularFont, true);
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    static byte[] write(List<SpreadsheetTable> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook has at least one sheet");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XlsxWriter writer = new XlsxWriter(workbook);
            tables.forEach(writer::sheet);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write XLSX", e);
        }
    }

    private void sheet(SpreadsheetTable table) {
        if (workbook.getSheet(table.sheetName()) != null) {
            throw new IllegalArgumentException("two sheets named " + table.sheetName());
        }
        XSSFSheet sheet = workbook.createSheet(table.sheetName());
        int rowIndex = 0;
        if (table.title() != null) {
            Cell cell = sheet.createRow(rowIndex).createCell(0);
            cell.setCellValue(table.title());
            cell.setCellStyle(title);
            rowIndex += 2;
        }
        int headerIndex = rowIndex;
        Row headerRow = sheet.createRow(rowIndex++);
        int[] widths = new int[table.header().size()];
        for (int c = 0; c < widths.length; c++) {
            Cell cell = headerRow.createCell(c);
            cell.setCellValue(table.header().get(c));
            cell.setCellStyle(header);
            widths[c] = longestWord(table.header().get(c));
        }
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(rowIndex++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                Cell cell = row.createCell(c);
                widths[c] = Math.max(widths[c], value(cell, value));
            }
        }
        // the header stays in view and offers filters however long the sheet is
        sheet.createFreezePane(0, headerIndex + 1);
        sheet.setAutoFilter(new CellRangeAddress(headerIndex, Math.max(headerIndex, rowIndex - 1), 0, widths.length - 1));
        for (int c = 0; c < widths.length; c++) {
            int chars = Math.clamp(widths[c] + 2L, MIN_COLUMN_CHARS, MAX_COLUMN_CHARS);
            // POI counts column widths in 1/256 of a character
            sheet.setColumnWidth(c, chars * 256);
        }
    }

    /** Writes the value and returns its display length in characters. */
    private int value(Cell cell, Object value) {
        switch (value) {
            case null -> {
                cell.setCellStyle(text);
                return 0;
            }
            case String string -> {
                cell.setCellValue(string);
                cell.setCellStyle(string.isEmpty() || FORMULA_TRIGGERS.indexOf(string.charAt(0)) < 0 ? text : quotedText);
                return string.length();
            }
            case Number number -> {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(integral(number) ? integer : decimal);
                return number.toString().length() + 2;
            }
            case SpreadsheetTable.Formula formula -> {
                cell.setCellFormula(formula.expression());
                cell.setCellStyle(integer);
                return 8;
            }
            default -> throw new IllegalArgumentException("not a cell value: " + value.getClass().getName());
        }
    }

    private static boolean integral(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            return true;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0;
        }
        return number.doubleValue() == Math.rint(number.doubleValue());
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return Math.max(longest, Math.min(text.length(), 20));
    }

    private XSSFFont font(boolean bold, int size) {
        XSSFFont font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) size);
        font.setBold(bold);
        return font;
    }

    private CellStyle style(XSSFFont font, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
