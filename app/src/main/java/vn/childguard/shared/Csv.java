package vn.childguard.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 4180 reader for the reference files and imports. Every row is read before anything
 * is returned, so a caller never acts on half a file; errors name the line and column.
 */
public final class Csv {

    /** A row addressed by header name; values are trimmed and NFC-normalised, empty means null. */
    public record Row(int line, Map<String, Integer> columns, List<String> values) {

        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= values.size()) {
                return null;
            }
            String value = values.get(index);
            return value.isEmpty() ? null : value;
        }

        public String require(String column) {
            String value = get(column);
            if (value == null) {
                throw new CsvException(line, column, "missing value");
            }
            return value;
        }
    }

    /** A malformed file: the line (1-based, header is line 1) and the column or position at fault. */
    public static final class CsvException extends RuntimeException {
        private final int line;
        private final String column;

        public CsvException(int line, String column, String problem) {
            super("line " + line + ", column " + column + ": " + problem);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public String column() {
            return column;
        }
    }

    private Csv() {
    }

    /** Reads a UTF-8 file with a header row and checks that the required columns are present. */
    public static List<Row> read(InputStream in, String... requiredColumns) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<List<String>> records;
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            records = parse(reader);
        } catch (CharacterCodingException e) {
            throw new CsvException(0, "-", "the file is not UTF-8 text");
        }
        if (records.isEmpty()) {
            throw new CsvException(1, "-", "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                throw new CsvException(1, required, "required column is missing");
            }
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() == 1 && values.getFirst().isBlank()) {
                continue;
            }
            rows.add(new Row(i + 1, columns, values));
        }
        return rows;
    }

    private static List<List<String>> parse(BufferedReader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordStartLine = 1;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == ',') {
                record.add(clean(field));
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                record.add(clean(field));
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordStartLine = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new CsvException(recordStartLine, String.valueOf(record.size() + 1), "unclosed quote");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(clean(field));
            records.add(record);
        }
        return records;
    }

    private static String clean(StringBuilder field) {
        return Normalizer.normalize(field.toString().strip(), Normalizer.Form.NFC);
    }
}
