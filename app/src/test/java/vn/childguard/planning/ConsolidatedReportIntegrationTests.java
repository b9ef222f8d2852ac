package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class ConsolidatedReportIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    long planId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        planId = jdbc.queryForObject("select id from plan where code = '113/KH-UBND'", Long.class);
    }

    String path(String format) {
        return "/api/v1/plans/" + planId + "/reports/2026-H1?format=" + format;
    }

    @Test
    void theDocxFollowsDecree30AndNamesThePlanAndEveryTask() throws Exception {
        var file = api.download(path("docx"), api.token("police.coordinator", DemoUsers.PASSWORD));
        assertThat(file.status()).isEqualTo(200);
        try (var docx = new XWPFDocument(new ByteArrayInputStream(file.body()));
             var extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "CÔNG AN TỈNH TÂY NINH", "BÁO CÁO", "Kế hoạch số 113/KH-UBND ngày 20/01/2020", "Nơi nhận",
                    "6 tháng đầu năm 2026");
            assertThat(text).containsPattern("Số: \\d{2,}/BC-CATINH");
            for (String task : new String[] {"II.1.a", "II.1.b", "II.2", "II.3", "II.4.a", "II.4.b", "II.5.a",
                    "II.5.b", "II.6"}) {
                assertThat(text).contains("Nhiệm vụ " + task);
            }
        }
    }

    @Test
    void thePdfKeepsItsVietnameseLetters() throws Exception {
        var file = api.download(path("pdf"), api.token("leader", DemoUsers.PASSWORD));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        var reader = new PdfReader(file.body());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("Độc lập - Tự do - Hạnh phúc", "Kế hoạch số 113/KH-UBND");
    }

    @Test
    void theXlsxHoldsTheMatrix() throws Exception {
        var file = api.download(path("xlsx"), api.token("police.coordinator", DemoUsers.PASSWORD));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isGreaterThan(10);
            assertThat(workbook.getSheetName(0)).isEqualTo("Tình trạng");
        }
    }

    @Test
    void reportersOfOneAgencyCannotDownloadTheWholePicture() throws Exception {
        assertThat(api.download(path("docx"), api.token("health.supervisor", DemoUsers.PASSWORD)).status())
                .isEqualTo(403);
    }

    @Test
    void documentNumbersCountUpPerIssuerAndYear() throws Exception {
        String token = api.token("police.coordinator", DemoUsers.PASSWORD);
        api.download(path("docx"), token);
        int before = jdbc.queryForObject("select last_number from document_number where issuer_code = 'CA-TINH'",
                Integer.class);
        api.download(path("docx"), token);
        assertThat(jdbc.queryForObject("select last_number from document_number where issuer_code = 'CA-TINH'",
                Integer.class)).isEqualTo(before + 1);
    }
}
