package vn.childguard.shared.documents;

import static vn.childguard.shared.documents.Layout.mmToPoints;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.LineSeparator;

/** Writes an {@link OfficialDocument} as a PDF with OpenPDF, in the same layout as {@link DocxWriter}. */
final class PdfDocumentWriter {

    /** Word's "single" line of Times New Roman is 1.15 times the font size; PDF leading counts from the size. */
    private static final float SINGLE_LINE = 1.15f;
    private static final float RULE_THICKNESS = 0.5f;
    private static final float TEXT_WIDTH = mmToPoints(Layout.TEXT_WIDTH_MM);
    private static final float LEFT_COLUMN = mmToPoints(Layout.LEFT_COLUMN_MM);
    private static final float RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
    private static final float CELL_PADDING = 2f;

    private final OfficialDocument document;
    private final SerifFonts fonts = new SerifFonts();
    private final Document pdf;

    private PdfDocumentWriter(OfficialDocument document, Document pdf) {
        this.document = document;
        this.pdf = pdf;
    }

    static byte[] write(OfficialDocument document) {
        Document pdf = new Document(PageSize.A4, mmToPoints(Layout.MARGIN_LEFT_MM), mmToPoints(Layout.MARGIN_RIGHT_MM),
                mmToPoints(Layout.MARGIN_TOP_MM), mmToPoints(Layout.MARGIN_BOTTOM_MM));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfDocumentWriter writer = new PdfDocumentWriter(document, pdf);
        try {
            PdfWriter pdfWriter = PdfWriter.getInstance(pdf, out);
            pdfWriter.setPageEvent(writer.new PageNumbers());
            pdf.addTitle(document.typeName() + " " + document.numberLine());
            pdf.addSubject(String.join(" ", document.summary()));
            pdf.addAuthor(document.issuer().name());
            pdf.addCreator("ChildGuard");
            pdf.open();
            writer.render();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out PDF " + document.numberLine(), e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private void render() {
        header();
        title();
        body();
        signatureAndRecipients();
        if (document.annex() != null) {
            annex(document.annex());
        }
    }

    /** Centred page number at the top of every page but the first (Annex I, II.10). */
    private final class PageNumbers extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document ignored) {
            int page = writer.getPageNumber();
            if (page > 1) {
                Rectangle size = writer.getPageSize();
                float x = mmToPoints(Layout.MARGIN_LEFT_MM) + TEXT_WIDTH / 2;
                float y = size.getHeight() - mmToPoints(Layout.HEADER_DISTANCE_MM) - Layout.PAGE_NUMBER_PT;
                ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(Integer.toString(page), font(Layout.PAGE_NUMBER_PT, false, false)), x, y, 0);
            }
        }
    }

    private void header() {
        PdfPTable table = layoutTable(LEFT_COLUMN, RIGHT_COLUMN);
        PdfPCell issuer = layoutCell();
        OfficialDocument.Issuer body = document.issuer();
        if (body.parent() != null) {
            issuer.addElement(centred(body.parent(), font(Layout.ISSUER_PT, false, false)));
        }
        issuer.addElement(centred(body.name(), font(Layout.ISSUER_PT, true, false)));
        issuer.addElement(rule(LEFT_COLUMN - 2 * CELL_PADDING, Layout.shortRuleWidth(body.name(), Layout.ISSUER_PT)));
        table.addCell(issuer);

        PdfPCell nation = layoutCell();
        nation.addElement(centred(Layout.NATIONAL_TITLE, font(Layout.NATIONAL_TITLE_PT, true, false)));
        nation.addElement(centred(Layout.MOTTO, font(Layout.MOTTO_PT, true, false)));
        nation.addElement(rule(RIGHT_COLUMN - 2 * CELL_PADDING, Layout.mottoRuleWidth()));
        table.addCell(nation);

        PdfPCell number = layoutCell();
        number.addElement(centred(document.numberLine(), font(Layout.NUMBER_PT, false, false)));
        table.addCell(number);
        PdfPCell date = layoutCell();
        date.addElement(centred(document.placeAndDate(), font(Layout.DATE_PT, false, true)));
        table.addCell(date);
        pdf.add(table);
    }

    private void title() {
        Paragraph type = centred(document.typeName(), font(Layout.TITLE_PT, true, false));
        type.setSpacingBefore(24);
        pdf.add(type);
        for (String line : document.summary()) {
            pdf.add(centred(line, font(Layout.TITLE_PT, true, false)));
        }
        Paragraph rule = rule(TEXT_WIDTH, Layout.summaryRuleWidth(document));
        rule.setSpacingAfter(Layout.BODY_PT);
        pdf.add(rule);
    }

    private void body() {
        List<OfficialDocument.Section> sections = document.sections();
        for (int s = 0; s < sections.size(); s++) {
            OfficialDocument.Section section = sections.get(s);
            // not setKeepTogether: OpenPDF 3.0.5 then drops the paragraph from the page
            pdf.add(bodyParagraph(DecreeText.roman(s + 1) + ". " + section.heading(), true));
            section.paragraphs().forEach(text -> pdf.add(bodyParagraph(text, false)));
            List<OfficialDocument.Item> items = section.items();
            for (int i = 0; i < items.size(); i++) {
                pdf.add(bodyParagraph((i + 1) + ". " + items.get(i).heading(), true));
                items.get(i).paragraphs().forEach(text -> pdf.add(bodyParagraph(text, false)));
            }
            section.tables().forEach(table -> pdf.add(table(table)));
        }
    }

    private Paragraph bodyParagraph(String text, boolean bold) {
        Paragraph paragraph = new Paragraph(text, font(Layout.BODY_PT, bold, false));
        paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
        paragraph.setFirstLineIndent(mmToPoints(Layout.FIRST_LINE_INDENT_MM));
        paragraph.setLeading(0, Layout.LINE_SPACING * SINGLE_LINE);
        paragraph.setSpacingAfter(Layout.SPACING_AFTER_PT);
        return paragraph;
    }

    private PdfPTable table(OfficialDocument.Table data) {
        PdfPTable table = new PdfPTable(Layout.columnWidths(data.header(), data.rows(), TEXT_WIDTH));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(3);
        table.setSpacingAfter(Layout.SPACING_AFTER_PT);
        for (String heading : data.header()) {
            table.addCell(tableCell(heading, true, Element.ALIGN_CENTER));
        }
        for (List<String> row : data.rows()) {
            for (String value : row) {
                table.addCell(tableCell(value, false, Layout.numeric(value) ? Element.ALIGN_CENTER : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    private PdfPCell tableCell(String text, boolean bold, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font(Layout.TABLE_PT, bold, false)));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderWidth(RULE_THICKNESS);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(5);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        cell.setLeading(0, SINGLE_LINE);
        return cell;
    }

    private void signatureAndRecipients() {
        PdfPTable table = layoutTable(LEFT_COLUMN, RIGHT_COLUMN);
        table.setSpacingBefore(6);
        table.setKeepTogether(true);
        PdfPCell left = layoutCell();
        Paragraph heading = new Paragraph(Layout.RECIPIENTS_HEADING, font(Layout.RECIPIENTS_HEADING_PT, true, true));
        heading.setSpacingBefore(6);
        left.addElement(heading);
        List<String> recipients = document.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            Paragraph line = new Paragraph(DecreeText.recipientLine(recipients, i), font(Layout.RECIPIENTS_PT, false, false));
            line.setLeading(0, SINGLE_LINE);
            left.addElement(line);
        }
        table.addCell(left);

        PdfPCell right = layoutCell();
        OfficialDocument.Signature signature = document.signature();
        Font bold = font(Layout.SIGNATURE_PT, true, false);
        if (signature.authority() != null) {
            right.addElement(centred(signature.authority(), bold));
        }
        right.addElement(centred(signature.title(), bold));
        Paragraph gap = centred(" ", bold);
        gap.setLeading(Layout.SIGNATURE_GAP_LINES * Layout.SIGNATURE_PT * SINGLE_LINE);
        right.addElement(gap);
        right.addElement(centred(signature.signerName(), bold));
        table.addCell(right);
        pdf.add(table);
    }

    private void annex(OfficialDocument.Annex annex) {
        pdf.newPage();
        pdf.add(centred(Layout.ANNEX_HEADING, font(Layout.TITLE_PT, true, false)));
        pdf.add(centred(annex.title(), font(Layout.TITLE_PT, true, false)));
        Paragraph reference = centred(document.annexReference(), font(Layout.TITLE_PT, false, true));
        reference.setSpacingAfter(Layout.SPACING_AFTER_PT);
        pdf.add(reference);
        pdf.add(table(annex.table()));
    }

    private static PdfPTable layoutTable(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell layoutCell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(CELL_PADDING);
        return cell;
    }

    /** A centred rule {@code ruleWidth} points long, on a line {@code lineWidth} points wide. */
    private static Paragraph rule(float lineWidth, float ruleWidth) {
        float percentage = Math.min(100f, 100f * ruleWidth / lineWidth);
        Paragraph paragraph = new Paragraph(new Chunk(new LineSeparator(RULE_THICKNESS, percentage, Color.BLACK, Element.ALIGN_CENTER, 0)));
        // the line is drawn on the baseline of this paragraph, so its leading is the gap under the text above
        paragraph.setLeading(7);
        paragraph.setSpacingAfter(3);
        return paragraph;
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setLeading(0, SINGLE_LINE);
        return paragraph;
    }

    private Font font(float size, boolean bold, boolean italic) {
        return fonts.font(size, bold, italic);
    }
}
