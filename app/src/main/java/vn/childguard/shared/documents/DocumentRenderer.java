package vn.childguard.shared.documents;

import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Renders official documents as DOCX and PDF in the Decree 30/2020 layout, and tables as XLSX.
 *
 * <p>Stateless and thread-safe; each call builds its document from scratch. The PDF embeds
 * Liberation Serif (metric-compatible with Times New Roman) so every Vietnamese letter survives.
 */
@Component
public class DocumentRenderer {

    /** A Word file (A4, Times New Roman) that the issuing office can still edit before signing. */
    public byte[] docx(OfficialDocument document) {
        return DocxWriter.write(Objects.requireNonNull(document, "document"));
    }

    /** A PDF with embedded fonts, for reading and printing as issued. */
    public byte[] pdf(OfficialDocument document) {
        return PdfDocumentWriter.write(Objects.requireNonNull(document, "document"));
    }

    /** An XLSX workbook with one sheet per table, for figures someone will sort and sum. */
    public byte[] xlsx(List<SpreadsheetTable> tables) {
        return XlsxWriter.write(List.copyOf(Objects.requireNonNull(tables, "tables")));
    }
}
