package vn.childguard.shared.documents;

import static vn.childguard.shared.documents.Layout.mmToTwips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/** Writes an {@link OfficialDocument} as a Word document with Apache POI. */
final class DocxWriter {

    static final String FONT = "Times New Roman";

    private static final int TEXT_WIDTH = mmToTwips(Layout.TEXT_WIDTH_MM);
    private static final int LEFT_COLUMN = mmToTwips(Layout.LEFT_COLUMN_MM);
    private static final int RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
    /** Word's default left and right cell margin, 0.19 cm each. */
    private static final int CELL_MARGINS = 2 * 108;
    private static final int TWIPS_PER_POINT = 20;

    private final OfficialDocument document;
    private final XWPFDocument word;

    private DocxWriter(OfficialDocument document, XWPFDocument word) {
        this.document = document;
        this.word = word;
    }

    static byte[] write(OfficialDocument document) {
        try (XWPFDocument word = new XWPFDocument()) {
            new DocxWriter(document, word).render();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write DOCX", e);
        }
    }

    private void render() {
        defaultFont();
        pageNumbers();
        page();
        header();
        title();
        body();
        signatureAndRecipients();
        if (document.annex() != null) {
            annex(document.annex());
        }
    }

    /** Runs also name the font; the default covers text a user types into the file later. */
    private void defaultFont() {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        word.createStyles().setDefaultFonts(fonts);
    }

    private void page() {
        CTSectPr section = word.getDocument().getBody().isSetSectPr()
                ? word.getDocument().getBody().getSectPr()
                : word.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(mmToTwips(Layout.PAGE_WIDTH_MM)));
        size.setH(BigInteger.valueOf(mmToTwips(Layout.PAGE_HEIGHT_MM)));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mmToTwips(Layout.MARGIN_TOP_MM)));
        margins.setBottom(BigInteger.valueOf(mmToTwips(Layout.MARGIN_BOTTOM_MM)));
        margins.setLeft(BigInteger.valueOf(mmToTwips(Layout.MARGIN_LEFT_MM)));
        margins.setRight(BigInteger.valueOf(mmToTwips(Layout.MARGIN_RIGHT_MM)));
        margins.setHeader(BigInteger.valueOf(mmToTwips(Layout.HEADER_DISTANCE_MM)));
        margins.setFooter(BigInteger.valueOf(mmToTwips(Layout.HEADER_DISTANCE_MM)));
        margins.setGutter(BigInteger.ZERO);
        if (!section.isSetTitlePg()) {
            // "different first page": page 1 gets the empty FIRST header, so it carries no number
            section.addNewTitlePg();
        }
    }

    /** A PAGE field centred in the header of pages 2 onwards, as a complex field Word and LibreOffice both update. */
    private void pageNumbers() {
        word.createHeader(HeaderFooterType.FIRST).createParagraph();
        XWPFHeader header = word.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = header.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, "", Layout.PAGE_NUMBER_PT, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(paragraph, "", Layout.PAGE_NUMBER_PT, false, false).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(paragraph, "", Layout.PAGE_NUMBER_PT, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, "2", Layout.PAGE_NUMBER_PT, false, false);
        run(paragraph, "", Layout.PAGE_NUMBER_PT, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * Issuer and number on the left, national title and date on the right. Two rows, so that the
     * number and the date share a baseline whether or not a parent body is printed.
     */
    private void header() {
        XWPFTable table = layoutTable(2, LEFT_COLUMN, RIGHT_COLUMN);
        XWPFTableCell issuer = table.getRow(0).getCell(0);
        XWPFParagraph first = issuer.getParagraphs().getFirst();
        OfficialDocument.Issuer body = document.issuer();
        if (body.parent() != null) {
            run(centred(first, 0), body.parent(), Layout.ISSUER_PT, false, false);
            first = centred(issuer.addParagraph(), 0);
        }
        run(centred(first, 0), body.name(), Layout.ISSUER_PT, true, false);
        rule(issuer.addParagraph(), LEFT_COLUMN - CELL_MARGINS, Layout.shortRuleWidth(body.name(), Layout.ISSUER_PT));

        XWPFTableCell nation = table.getRow(0).getCell(1);
        run(centred(nation.getParagraphs().getFirst(), 0), Layout.NATIONAL_TITLE, Layout.NATIONAL_TITLE_PT, true, false);
        run(centred(nation.addParagraph(), 0), Layout.MOTTO, Layout.MOTTO_PT, true, false);
        rule(nation.addParagraph(), RIGHT_COLUMN - CELL_MARGINS, Layout.mottoRuleWidth());

        XWPFParagraph number = centred(table.getRow(1).getCell(0).getParagraphs().getFirst(), 0);
        number.setSpacingBefore(6 * TWIPS_PER_POINT);
        run(number, document.numberLine(), Layout.NUMBER_PT, false, false);
        XWPFParagraph date = centred(table.getRow(1).getCell(1).getParagraphs().getFirst(), 0);
        date.setSpacingBefore(6 * TWIPS_PER_POINT);
        run(date, document.placeAndDate(), Layout.DATE_PT, false, true);
    }

    private void title() {
        XWPFParagraph type = centred(word.createParagraph(), 0);
        type.setSpacingBefore(24 * TWIPS_PER_POINT);
        run(type, document.typeName(), Layout.TITLE_PT, true, false);
        for (String line : document.summary()) {
            run(centred(word.createParagraph(), 0), line, Layout.TITLE_PT, true, false);
        }
        rule(word.createParagraph(), TEXT_WIDTH, Layout.summaryRuleWidth(document));
        word.createParagraph().setSpacingAfter(0);
    }

    private void body() {
        List<OfficialDocument.Section> sections = document.sections();
        for (int s = 0; s < sections.size(); s++) {
            OfficialDocument.Section section = sections.get(s);
            run(heading(), DecreeText.roman(s + 1) + ". " + section.heading(), Layout.BODY_PT, true, false);
            section.paragraphs().forEach(this::text);
            List<OfficialDocument.Item> items = section.items();
            for (int i = 0; i < items.size(); i++) {
                run(heading(), (i + 1) + ". " + items.get(i).heading(), Layout.BODY_PT, true, false);
                items.get(i).paragraphs().forEach(this::text);
            }
            section.tables().forEach(this::table);
        }
    }

    private void text(String text) {
        run(bodyParagraph(), text, Layout.BODY_PT, false, false);
    }

    /** A heading never ends a page: Word moves it to the next page together with its first paragraph. */
    private XWPFParagraph heading() {
        XWPFParagraph paragraph = bodyParagraph();
        paragraph.setKeepNext(true);
        return paragraph;
    }

    private XWPFParagraph bodyParagraph() {
        XWPFParagraph paragraph = word.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(mmToTwips(Layout.FIRST_LINE_INDENT_MM));
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(Math.round(Layout.SPACING_AFTER_PT * TWIPS_PER_POINT));
        paragraph.setSpacingBetween(Layout.LINE_SPACING, LineSpacingRule.AUTO);
        return paragraph;
    }

    private void table(OfficialDocument.Table data) {
        int columns = data.header().size();
        int[] widths = widths(Layout.columnWidths(data.header(), data.rows(), TEXT_WIDTH / (float) TWIPS_PER_POINT));
        XWPFTable table = word.createTable(1 + data.rows().size(), columns);
        fixedLayout(table, widths);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        XWPFTableRow headerRow = table.getRow(0);
        // repeat the header row on every page the table runs over
        headerRow.setRepeatHeader(true);
        for (int c = 0; c < columns; c++) {
            cell(headerRow.getCell(c), data.header().get(c), true, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < data.rows().size(); r++) {
            List<String> row = data.rows().get(r);
            for (int c = 0; c < columns; c++) {
                String value = row.get(c);
                cell(table.getRow(r + 1).getCell(c), value, false,
                        Layout.numeric(value) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            }
        }
        // a paragraph after the table keeps two tables or a table and the signature apart
        word.createParagraph().setSpacingAfter(0);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().getFirst();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(2 * TWIPS_PER_POINT);
        paragraph.setSpacingAfter(2 * TWIPS_PER_POINT);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        run(paragraph, text, Layout.TABLE_PT, bold, false);
    }

    private int[] widths(float[] weights) {
        float total = 0;
        for (float weight : weights) {
            total += weight;
        }
        int[] widths = new int[weights.length];
        int used = 0;
        for (int c = 0; c < weights.length; c++) {
            // the last column takes the rounding remainder so the table is exactly the text width
            widths[c] = c == weights.length - 1 ? TEXT_WIDTH - used : Math.round(TEXT_WIDTH * weights[c] / total);
            used += widths[c];
        }
        return widths;
    }

    /** Recipients on the left, signature on the right, side by side as on the paper form. */
    private void signatureAndRecipients() {
        XWPFTable table = layoutTable(1, LEFT_COLUMN, RIGHT_COLUMN);
        // the signature and the printed name must not end up on different pages
        table.getRow(0).setCantSplitRow(true);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFParagraph heading = left.getParagraphs().getFirst();
        heading.setSpacingBefore(6 * TWIPS_PER_POINT);
        heading.setSpacingAfter(0);
        run(heading, Layout.RECIPIENTS_HEADING, Layout.RECIPIENTS_HEADING_PT, true, true);
        List<String> recipients = document.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            XWPFParagraph line = left.addParagraph();
            line.setSpacingAfter(0);
            line.setSpacingBetween(1.0, LineSpacingRule.AUTO);
            run(line, DecreeText.recipientLine(recipients, i), Layout.RECIPIENTS_PT, false, false);
        }

        XWPFTableCell right = table.getRow(0).getCell(1);
        OfficialDocument.Signature signature = document.signature();
        XWPFParagraph first = centred(right.getParagraphs().getFirst(), 0);
        if (signature.authority() != null) {
            run(first, signature.authority(), Layout.SIGNATURE_PT, true, false);
            first = centred(right.addParagraph(), 0);
        }
        run(first, signature.title(), Layout.SIGNATURE_PT, true, false);
        for (int i = 0; i < Layout.SIGNATURE_GAP_LINES; i++) {
            run(centred(right.addParagraph(), 0), "", Layout.SIGNATURE_PT, false, false);
        }
        run(centred(right.addParagraph(), 0), signature.signerName(), Layout.SIGNATURE_PT, true, false);
    }

    private void annex(OfficialDocument.Annex annex) {
        XWPFParagraph heading = centred(word.createParagraph(), 0);
        heading.setPageBreak(true);
        run(heading, Layout.ANNEX_HEADING, Layout.TITLE_PT, true, false);
        run(centred(word.createParagraph(), 0), annex.title(), Layout.TITLE_PT, true, false);
        run(centred(word.createParagraph(), Math.round(Layout.SPACING_AFTER_PT * TWIPS_PER_POINT)),
                document.annexReference(), Layout.TITLE_PT, false, true);
        table(annex.table());
    }

    /** A borderless table of fixed column widths, for the header and the signature block. */
    private XWPFTable layoutTable(int rows, int... widths) {
        XWPFTable table = word.createTable(rows, widths.length);
        fixedLayout(table, widths);
        table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
        return table;
    }

    /** Fixed widths in the grid and in every cell: LibreOffice reads the grid, Word the cells. */
    private static void fixedLayout(XWPFTable table, int[] widths) {
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(total);
        CTTblPr properties = table.getCTTbl().getTblPr();
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                row.getCell(c).setWidthType(TableWidthType.DXA);
                row.getCell(c).setWidth(Integer.toString(widths[c]));
            }
        }
    }

    /**
     * A horizontal rule as the top border of an empty, one-point-high paragraph, indented so that it
     * spans {@code ruleWidthPoints} in the middle of a line {@code lineWidth} twips wide.
     */
    private static void rule(XWPFParagraph paragraph, int lineWidth, float ruleWidthPoints) {
        int ruleWidth = Math.round(ruleWidthPoints * TWIPS_PER_POINT);
        int indent = Math.max((lineWidth - ruleWidth) / 2, 0);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationRight(indent);
        // Word draws a top border below the space before: a small gap keeps descenders off the rule
        paragraph.setSpacingBefore(2 * TWIPS_PER_POINT);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        // a one-point paragraph mark keeps the empty line thin; an "exact" line height instead makes
        // LibreOffice draw the border through the text above
        CTPPr properties = paragraph.getCTP().getPPr();
        (properties.isSetRPr() ? properties.getRPr() : properties.addNewRPr()).addNewSz().setVal(BigInteger.valueOf(2));
        paragraph.setBorderTop(Borders.SINGLE);
        // POI writes no width, and Word then draws a hairline; 6 eighths is a 0.75 pt rule
        CTBorder border = paragraph.getCTP().getPPr().getPBdr().getTop();
        border.setSz(BigInteger.valueOf(6));
        border.setSpace(BigInteger.ZERO);
        border.setColor("000000");
    }

    private static XWPFParagraph centred(XWPFParagraph paragraph, int spacingAfter) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(spacingAfter);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        return paragraph;
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, float size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        // in the schema's order (rFonts, b, i, sz, lang): POI appends in call order, and Word is strict
        run.setFontFamily(FONT);
        run.setBold(bold);
        run.setItalic(italic);
        run.setFontSize(size);
        run.setLang("vi-VN");
        if (!text.isEmpty()) {
            run.setText(text);
        }
        return run;
    }
}
