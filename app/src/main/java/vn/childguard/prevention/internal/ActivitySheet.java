package vn.childguard.prevention.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.childguard.shared.Csv;
import vn.childguard.shared.documents.ZipBombGuard;

/**
 * The rows of an activities spreadsheet (XLSX, first sheet, or UTF-8 CSV) with a header row naming
 * the columns in {@link #COLUMNS}; each row keeps the number the spreadsheet shows (header is 1).
 */
final class ActivitySheet {

    static final List<String> COLUMNS = List.of("date", "commune", "place", "channel", "organiser", "partners",
            "female_adults", "male_adults", "female_minors", "male_minors", "reach", "cost");
    static final int MAX_ROWS = 500;
    /** 500 rows of a dozen columns never come near this once inflated; a workbook that does is a zip bomb. */
    static final long MAX_INFLATED_BYTES = 32L * 1024 * 1024;

    record SheetRow(int row, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private ActivitySheet() {
    }

    static List<SheetRow> read(byte[] content) {
        if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
            return xlsx(content);
        }
        return csv(content);
    }

    private static List<SheetRow> csv(byte[] content) {
        try {
            List<SheetRow> rows = new ArrayList<>();
            for (Csv.Row r : Csv.read(new ByteArrayInputStream(content), "date", "commune", "channel", "organiser")) {
                Map<String, String> values = new HashMap<>();
                COLUMNS.forEach(c -> values.put(c, r.get(c)));
                rows.add(new SheetRow(r.line(), values));
            }
            return rows;
        } catch (Csv.CsvException e) {
            throw new PreventionException(Map.of("file", "prevention.upload.error.header"),
                    List.of(new PreventionException.RowError(Math.max(e.line(), 1), e.column(), "prevention.upload.error.header")));
        } catch (IOException e) {
            throw PreventionException.field("file", "prevention.upload.error.unreadable");
        }
    }

    private static List<SheetRow> xlsx(byte[] content) {
        try {
            if (!ZipBombGuard.fits(content, MAX_INFLATED_BYTES)) {
                throw PreventionException.field("file", "prevention.upload.error.inflated");
            }
        } catch (IOException e) {
            throw PreventionException.field("file", "prevention.upload.error.unreadable");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw PreventionException.field("file", "prevention.upload.error.empty");
            }
            Map<Integer, String> columns = new HashMap<>();
            for (Cell cell : header) {
                columns.put(cell.getColumnIndex(), formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT));
            }
            for (String required : List.of("date", "commune", "channel", "organiser")) {
                if (!columns.containsValue(required)) {
                    throw new PreventionException(Map.of("file", "prevention.upload.error.header"),
                            List.of(new PreventionException.RowError(1, required, "prevention.upload.error.header")));
                }
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int i = sheet.getFirstRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean any = false;
                for (Map.Entry<Integer, String> column : columns.entrySet()) {
                    Cell cell = row.getCell(column.getKey());
                    String value = text(cell, formatter);
                    any |= value != null && !value.isBlank();
                    values.put(column.getValue(), value);
                }
                if (any) {
                    rows.add(new SheetRow(i + 1, values));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PreventionException p) {
                throw p;
            }
            throw PreventionException.field("file", "prevention.upload.error.unreadable");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }
}
