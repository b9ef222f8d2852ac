package vn.childguard.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

class DocumentRendererTests {

    /** Where a person finds the rendered sample to open it in Word, a PDF viewer and a spreadsheet. */
    private static final Path OUTPUT = Path.of("target", "documents");

    private final DocumentRenderer renderer = new DocumentRenderer();
    private final OfficialDocument report = SampleDocuments.halfYearReport();

    @Test
    void docxCarriesTheHeaderTitleBodyAndAnnex() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(report)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText();
            assertThat(text).contains("UBND TỈNH TÂY NINH", "CÔNG AN TỈNH",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Số: 05/BC-CAT", "Tây Ninh, ngày 05 tháng 02 năm 2026",
                    "BÁO CÁO", "Kết quả thực hiện Kế hoạch 113/KH-UBND 6 tháng cuối năm 2025",
                    "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026",
                    "1. Công tác tuyên truyền, phòng ngừa", "2. Công tác phát hiện, điều tra, xử lý", SampleDocuments.PUSH_HARDER,
                    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đại tá Nguyễn Văn Đức",
                    "Nơi nhận:", "- Sở Y tế;", "- Lưu: VT, PV05.",
                    "Phụ lục", "(Kèm theo Báo cáo số 05/BC-CAT ngày 05 tháng 02 năm 2026)");

            XWPFTable annex = docx.getTables().getLast();
            assertThat(cells(annex.getRow(0))).containsExactly("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ (%)", "Ghi chú");
            assertThat(cells(annex.getRow(3))).containsExactly("3", "Đấu tranh triệt phá đường dây mua bán người", "Công an tỉnh", "60", "Đang thực hiện");
            assertThat(annex.getRows()).hasSize(5);
        }
    }

    @Test
    void docxIsA4WithTheDecreeMarginsAndTimesNewRoman() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(report)))) {
            CTSectPr section = docx.getDocument().getBody().getSectPr();
            assertThat(twips(section.getPgSz().getW())).isEqualTo(11906);
            assertThat(twips(section.getPgSz().getH())).isEqualTo(16838);
            CTPageMar margins = section.getPgMar();
            assertThat(twips(margins.getTop())).isEqualTo(1134);
            assertThat(twips(margins.getBottom())).isEqualTo(1134);
            assertThat(twips(margins.getLeft())).isEqualTo(1701);
            assertThat(twips(margins.getRight())).isEqualTo(850);

            List<XWPFRun> runs = runs(docx);
            assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
            XWPFRun motto = runs.stream().filter(run -> "Độc lập - Tự do - Hạnh phúc".equals(run.text())).findFirst().orElseThrow();
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getFontSizeAsDouble()).isEqualTo(14.0);
            XWPFRun date = runs.stream().filter(run -> run.text().startsWith("Tây Ninh, ngày")).findFirst().orElseThrow();
            assertThat(date.isItalic()).isTrue();
        }
    }

    @Test
    void docxNumbersPagesFromTheSecondPage() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(report)))) {
            assertThat(docx.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
            XWPFHeaderFooterPolicy headers = docx.getHeaderFooterPolicy();
            assertThat(headers.getFirstPageHeader().getText()).isBlank();
            assertThat(headers.getDefaultHeader().getParagraphs().getFirst().getCTP().xmlText()).contains("PAGE");
        }
    }

    @Test
    void docxBodyIsJustifiedWithAFirstLineIndent() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(report)))) {
            XWPFParagraph paragraph = docx.getParagraphs().stream()
                    .filter(p -> p.getText().equals(SampleDocuments.PUSH_HARDER)).findFirst().orElseThrow();
            assertThat(paragraph.getAlignment()).hasToString("BOTH");
            assertThat(paragraph.getIndentationFirstLine()).isEqualTo(720);
            assertThat(paragraph.getSpacingAfter()).isGreaterThanOrEqualTo(120);
            assertThat(paragraph.getSpacingBetween()).isBetween(1.15, 1.5);
        }
    }

    @Test
    void pdfKeepsEveryVietnameseLetter() throws IOException {
        String text = pdfText(renderer.pdf(report));
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: 05/BC-CAT", "Tây Ninh, ngày 05 tháng 02 năm 2026", "I. KẾT QUẢ THỰC HIỆN",
                "Đẩy mạnh công tác tiếp nhận, phát hiện, đấu tranh triệt phá",
                "Đại tá Nguyễn Văn Đức", "- Lưu: VT, PV05.", "Kiểm soát xuất nhập cảnh tại cửa khẩu Mộc Bài");
    }

    @Test
    void pdfNumbersPagesFromTheSecondPage() throws IOException {
        PdfReader reader = new PdfReader(renderer.pdf(report));
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            assertThat(extractor.getTextFromPage(1).lines().map(String::strip)).doesNotContain("1");
            assertThat(extractor.getTextFromPage(2).lines().map(String::strip)).contains("2");
            assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595f, offset(1f));
        } finally {
            reader.close();
        }
    }

    @Test
    void rendersAMinimalDocumentWithoutParentBodyAuthorityOrAnnex() throws IOException {
        // decomposed input, as pasted from some phones: the PDF font has glyphs for composed letters only
        OfficialDocument minimal = new OfficialDocument(OfficialDocument.Issuer.of("sở y tế"), 12, "BC-SYT", "Tây Ninh",
                LocalDate.of(2025, 12, 9), "BÁO CÁO", List.of(),
                List.of(OfficialDocument.Section.of("KẾT QUẢ", "Đã rà soát 40 trẻ em.")), null,
                new OfficialDocument.Signature(null, "GIÁM ĐỐC", "Lê Thị Hạnh"), List.of("Lưu: VT"));
        assertThat(pdfText(renderer.pdf(minimal))).contains("SỞ Y TẾ", "Số: 12/BC-SYT", "Tây Ninh, ngày 09 tháng 12 năm 2025",
                "I. KẾT QUẢ", "Đã rà soát 40 trẻ em.", "- Lưu: VT.").doesNotContain("Phụ lục", "KT.");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(minimal)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            assertThat(extractor.getText()).contains("SỞ Y TẾ", "Số: 12/BC-SYT", "ngày 09 tháng 12 năm 2025").doesNotContain("Phụ lục");
        }
    }

    @Test
    void xlsxHasAFrozenFilteredHeaderAndNumericCells() throws IOException {
        byte[] bytes = renderer.xlsx(List.of(progressSheet()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = workbook.getSheet("Tiến độ");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tiến độ thực hiện Kế hoạch 113/KH-UBND");
            assertThat(cells(sheet, 2)).containsExactly("STT", "Nhiệm vụ", "Tiến độ (%)", "Kinh phí (triệu đồng)");
            assertThat(workbook.getFontAt(sheet.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:D5");

            XSSFCell progress = sheet.getRow(3).getCell(2);
            assertThat(progress.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(progress.getNumericCellValue()).isEqualTo(75.0);
            assertThat(sheet.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(120.5);
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
        }
    }

    @Test
    void xlsxKeepsFormulaLookingTextAsText() throws IOException {
        SpreadsheetTable table = SpreadsheetTable.of("Nguồn tin", null, List.of("Nội dung"),
                List.of(List.of("=HYPERLINK(\"http://evil.example\",\"Bấm\")"), List.of("-2+3"), List.of("Bình thường")));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(List.of(table))))) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell formulaLike = sheet.getRow(1).getCell(0);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Bấm\")");
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    /** Not an assertion of looks: leaves the sample where a person can open it and compare with the decree. */
    @Test
    void rendersTheSampleForAPersonToOpen() throws IOException {
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("sample.docx"), renderer.docx(report));
        Files.write(OUTPUT.resolve("sample.pdf"), renderer.pdf(report));
        Files.write(OUTPUT.resolve("sample.xlsx"), renderer.xlsx(List.of(progressSheet())));
        assertThat(OUTPUT.resolve("sample.pdf")).isNotEmptyFile();
    }

    private static SpreadsheetTable progressSheet() {
        return SpreadsheetTable.of("Tiến độ", "Tiến độ thực hiện Kế hoạch 113/KH-UBND",
                List.of("STT", "Nhiệm vụ", "Tiến độ (%)", "Kinh phí (triệu đồng)"),
                List.of(List.of(1, "Rà soát trẻ em có nguy cơ bị mua bán", 75, 80),
                        List.of(2, "Đấu tranh triệt phá đường dây mua bán người", 60, 120.5)));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            // line breaks fall wherever the justification put them
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private static int twips(Object value) {
        return new BigInteger(value.toString()).intValue();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    private static List<String> cells(Sheet sheet, int row) {
        List<String> values = new ArrayList<>();
        sheet.getRow(row).forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }

    private static List<XWPFRun> runs(XWPFDocument docx) {
        List<XWPFParagraph> paragraphs = new ArrayList<>(docx.getParagraphs());
        for (XWPFTable table : docx.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    paragraphs.addAll(cell.getParagraphs());
                }
            }
        }
        return paragraphs.stream().flatMap(p -> p.getRuns().stream()).filter(run -> !run.text().isEmpty()).toList();
    }
}
