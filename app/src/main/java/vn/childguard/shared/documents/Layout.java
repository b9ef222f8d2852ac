package vn.childguard.shared.documents;

import java.util.List;
import java.util.regex.Pattern;

/** Page geometry and type sizes of Decree 30/2020, Annex I, in one place for the DOCX and the PDF. */
final class Layout {

    static final float PAGE_WIDTH_MM = 210f;
    static final float PAGE_HEIGHT_MM = 297f;
    static final float MARGIN_TOP_MM = 20f;
    static final float MARGIN_BOTTOM_MM = 20f;
    static final float MARGIN_LEFT_MM = 30f;
    static final float MARGIN_RIGHT_MM = 15f;
    /** The page number sits in the top margin, this far from the paper edge. */
    static final float HEADER_DISTANCE_MM = 10f;
    static final float TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
    /** Issuer column of the header and of the recipients; the rest goes to the national title and the signature. */
    static final float LEFT_COLUMN_MM = 62f;

    static final float ISSUER_PT = 13f;
    static final float NATIONAL_TITLE_PT = 13f;
    static final float MOTTO_PT = 14f;
    static final float NUMBER_PT = 13f;
    static final float DATE_PT = 14f;
    static final float TITLE_PT = 14f;
    static final float BODY_PT = 14f;
    static final float TABLE_PT = 12f;
    static final float SIGNATURE_PT = 14f;
    static final float RECIPIENTS_HEADING_PT = 12f;
    static final float RECIPIENTS_PT = 11f;
    static final float PAGE_NUMBER_PT = 14f;

    static final float FIRST_LINE_INDENT_MM = 12.7f;
    static final float SPACING_AFTER_PT = 6f;
    static final float LINE_SPACING = 1.2f;
    /** Room for the handwritten signature and the seal between the title and the printed name. */
    static final int SIGNATURE_GAP_LINES = 4;

    static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String RECIPIENTS_HEADING = "Nơi nhận:";
    static final String ANNEX_HEADING = "Phụ lục";

    /** Left and right cell padding of both formats, plus a little slack for bold header glyphs. */
    static final float CELL_PADDING_PT = 12f;
    /** Beyond this a cell's text may wrap; without a cap one long remark would take the whole width. */
    private static final float MAX_PREFERRED_COLUMN = 260f;

    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9.,]*%?");

    private Layout() {
    }

    /** Rules under the issuer and the summary span 1/3 to 1/2 of the line above (Annex I, II.3 and II.5). */
    static float shortRuleWidth(String line, float size) {
        return Math.max(SerifFonts.width(line, size, true) * 0.4f, 40f);
    }

    /** Under the summary: a short rule sized on its first line, never longer than a third of the text width. */
    static float summaryRuleWidth(OfficialDocument document) {
        String line = document.summary().isEmpty() ? document.typeName() : document.summary().getFirst();
        return Math.min(shortRuleWidth(line, TITLE_PT), mmToPoints(TEXT_WIDTH_MM) / 3);
    }

    /** The rule under the motto is as long as the motto (Annex I, II.1). */
    static float mottoRuleWidth() {
        return SerifFonts.width(MOTTO, MOTTO_PT, true);
    }

    static boolean numeric(String cell) {
        return NUMERIC.matcher(cell.strip()).matches();
    }

    /**
     * Column widths in points that add up to {@code total}: every column gets at least its longest
     * word (so "STT" never breaks into letters), and the rest of the line goes to the columns whose
     * text would otherwise wrap, in proportion to how much more they need.
     */
    static float[] columnWidths(List<String> header, List<List<String>> rows, float total) {
        int columns = header.size();
        float[] minimum = new float[columns];
        float[] preferred = new float[columns];
        for (int c = 0; c < columns; c++) {
            minimum[c] = longestWord(header.get(c), true);
            preferred[c] = Math.min(SerifFonts.width(header.get(c), TABLE_PT, true), MAX_PREFERRED_COLUMN);
            for (List<String> row : rows) {
                String cell = row.get(c);
                minimum[c] = Math.max(minimum[c], longestWord(cell, false));
                preferred[c] = Math.max(preferred[c], Math.min(SerifFonts.width(cell, TABLE_PT, false), MAX_PREFERRED_COLUMN));
            }
            minimum[c] += CELL_PADDING_PT;
            preferred[c] = Math.max(preferred[c] + CELL_PADDING_PT, minimum[c]);
        }
        float minimumSum = sum(minimum);
        float preferredSum = sum(preferred);
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            if (minimumSum >= total) {
                widths[c] = total * minimum[c] / minimumSum;
            } else if (preferredSum <= total) {
                widths[c] = total * preferred[c] / preferredSum;
            } else {
                widths[c] = minimum[c] + (total - minimumSum) * (preferred[c] - minimum[c]) / (preferredSum - minimumSum);
            }
        }
        return widths;
    }

    private static float longestWord(String text, boolean bold) {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, SerifFonts.width(word, TABLE_PT, bold));
        }
        return longest;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    static float mmToPoints(float mm) {
        return mm * 72f / 25.4f;
    }

    static int mmToTwips(float mm) {
        return Math.round(mm * 1440f / 25.4f);
    }
}
