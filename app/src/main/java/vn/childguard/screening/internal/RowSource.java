package vn.childguard.screening.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import vn.childguard.shared.documents.ZipBombGuard;

/**
 * Streams the rows of an upload, one at a time, never holding the file: RFC 4180 CSV in strict
 * UTF-8, or the first sheet of an XLSX workbook through POI's SAX reader. Structural problems (bad
 * encoding, an unclosed quote, an unreadable workbook) end the read with a {@link FileProblem}.
 */
public final class RowSource {

    /** Receives the header once, then each data row; returning false stops the read. */
    public interface Handler {
        void header(List<String> columns);

        boolean row(int line, List<String> values);
    }

    /** A problem with the file as a whole (or from a line on) rather than a field. */
    public static final class FileProblem extends RuntimeException {
        private final RowError error;

        public FileProblem(RowError error) {
            super(error.messageKey() + " at line " + error.line());
            this.error = error;
        }

        public RowError error() {
            return error;
        }
    }

    /** The most a workbook's in-memory parts (shared strings, styles) may inflate to. */
    static final long MAX_HELD_BYTES = 256L * 1024 * 1024;

    private RowSource() {
    }

    public static void read(java.nio.file.Path file, String kind, Handler handler) throws IOException {
        if ("XLSX".equals(kind)) {
            readXlsx(file, handler);
        } else {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                readCsv(in, handler);
            }
        }
    }

    // ------------------------------------------------------------------ CSV

    public static void readCsv(InputStream raw, Handler handler) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new java.io.BufferedReader(new InputStreamReader(new BufferedInputStream(raw, 1 << 16), decoder), 1 << 16);
        int line = 1;
        int recordLine = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean first = true;
        boolean headerDone = false;
        boolean any = false;
        try {
            int c;
            while (true) {
                c = reader.read();
                if (first && c == 0xFEFF) {
                    first = false;
                    continue;
                }
                first = false;
                if (c == -1) {
                    if (quoted) {
                        throw new FileProblem(new RowError(recordLine, null, "screening.error.unclosedQuote", null));
                    }
                    if (any || field.length() > 0 || !fields.isEmpty()) {
                        fields.add(field.toString());
                        emit(handler, recordLine, fields, headerDone);
                    }
                    return;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            if (next != -1) {
                                reader.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    continue;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r') {
                    // CRLF: the \n ends the record
                } else if (c == '\n') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
                    if (!blank) {
                        if (!emit(handler, recordLine, fields, headerDone)) {
                            return;
                        }
                        headerDone = true;
                    }
                    fields = new ArrayList<>(fields.size());
                    line++;
                    recordLine = line;
                    any = false;
                } else if (c == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else {
                    if (afterQuote) {
                        throw new FileProblem(new RowError(recordLine, null, "screening.error.quote", null));
                    }
                    field.append((char) c);
                }
            }
        } catch (CharacterCodingException e) {
            throw new FileProblem(new RowError(line, null, "screening.error.encoding", null));
        }
    }

    private static boolean emit(Handler handler, int line, List<String> fields, boolean headerDone) {
        if (!headerDone) {
            handler.header(fields.stream().map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).toList());
            return true;
        }
        return handler.row(line, fields);
    }

    // ------------------------------------------------------------------ XLSX

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Shows cells formatted as dates (as exports from the exit-entry system have them) as {@code YYYY-MM-DD}. */
    static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    public static void readXlsx(java.nio.file.Path file, Handler handler) throws IOException {
        // the sheet is streamed; the shared strings and styles are held in memory, so they are measured first
        try {
            if (!ZipBombGuard.fits(file, MAX_HELD_BYTES, name -> name.startsWith("xl/worksheets/"))) {
                throw new FileProblem(new RowError(1, null, "screening.error.inflated", null));
            }
        } catch (IOException unreadable) {
            throw new FileProblem(new RowError(1, null, "screening.error.xlsx", null));
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FileProblem(new RowError(1, null, "screening.error.noHeader", null));
            }
            try (InputStream sheet = sheets.next()) {
                var contents = new XSSFSheetXMLHandler.SheetContentsHandler() {
                    final List<String> cells = new ArrayList<>();
                    boolean headerDone;

                    @Override
                    public void startRow(int rowNum) {
                        cells.clear();
                    }

                    @Override
                    public void endRow(int rowNum) {
                        if (cells.stream().allMatch(String::isEmpty)) {
                            return;
                        }
                        if (!headerDone) {
                            headerDone = true;
                            handler.header(cells.stream().map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).toList());
                        } else if (!handler.row(rowNum + 1, new ArrayList<>(cells))) {
                            throw new Stop();
                        }
                    }

                    @Override
                    public void cell(String ref, String value, XSSFComment comment) {
                        int col = new CellReference(ref).getCol();
                        while (cells.size() < col) {
                            cells.add("");
                        }
                        cells.add(value == null ? "" : value);
                    }
                };
                DataFormatter formatter = new IsoDates();
                var parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, contents, formatter, false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            // the handler asked to stop
        } catch (FileProblem p) {
            throw p;
        } catch (Exception e) {
            throw new FileProblem(new RowError(1, null, "screening.error.xlsx", null));
        }
    }
}
