package vn.childguard.matching;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 4180 CSV reading for the CLI: UTF-8 only (a malformed byte is an error, not a
 * replacement character), quoted fields with doubled quotes, CRLF or LF. Every error names the
 * file, 1-based line and column.
 */
final class Csv {

    /** Input the CLI refuses; the message names file, line and column. */
    static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        InputException(Path file, int line, int column, String message) {
            super(file + ":" + line + ":" + column + ": " + message);
        }
    }

    /** A parsed row with the line and the starting column of each field, for error messages. */
    record Row(int line, List<String> fields, int[] columns) {
    }

    private Csv() {
    }

    static List<Row> read(Path file) throws IOException, InputException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(file, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        while (i < n) {
            List<String> fields = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            int rowLine = line;
            while (true) {
                cols.add(i - lineStart + 1);
                StringBuilder sb = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    int quoteCol = i - lineStart + 1;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new InputException(file, quoteLine, quoteCol, "unclosed quote");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                sb.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                        sb.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new InputException(file, line, i - lineStart + 1, "unexpected character after closing quote");
                    }
                } else {
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == '"') {
                            throw new InputException(file, line, i - lineStart + 1, "quote inside an unquoted field");
                        }
                        sb.append(c);
                        i++;
                    }
                }
                fields.add(sb.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
                lineStart = i;
                break;
            }
            boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
            if (!blank) {
                rows.add(new Row(rowLine, fields, cols.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return rows;
    }

    private static String decode(Path file, byte[] bytes) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError() || !decoder.flush(out).isUnderflow()) {
            // The decoder stops at the offending byte: its position locates the error.
            throw badByte(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    private static InputException badByte(Path file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Column in characters: decode the well-formed part of the line.
        int column = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8).length() + 1;
        return new InputException(file, line, column, "not valid UTF-8 (byte 0x"
                + String.format("%02X", bytes[Math.min(offset, bytes.length - 1)] & 0xFF) + ")");
    }

    /** Quotes a field when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
