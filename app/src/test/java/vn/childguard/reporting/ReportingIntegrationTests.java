package vn.childguard.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.planning.Period;
import vn.childguard.reporting.internal.AgeBands;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.reporting.internal.StatisticalReport;
import vn.childguard.reporting.internal.Statistics;
import vn.childguard.reporting.internal.Statistics.Dimension;
import vn.childguard.reporting.internal.Statistics.Population;
import vn.childguard.reporting.internal.Statistics.Query;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

/**
 * Reporting against the source of truth: figures of the statistics service, the dashboards and the
 * quarterly report equal direct queries over the modules' own tables; who may open which page.
 */
@ChildGuardIntegrationTest
class ReportingIntegrationTests {

    static final Period QUARTER = Period.parse("2019-Q2");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataCipher cipher;
    @Autowired
    ReadModel readModel;
    @Autowired
    Statistics statistics;
    @Autowired
    StatisticalReport report;

    @BeforeEach
    void data() {
        new ReportingData(jdbc, cipher).quarter();
        readModel.refresh();
    }

    private static OffsetDateTime start() {
        return ReportingData.FROM.atStartOfDay(ReportingData.VIETNAM).toOffsetDateTime();
    }

    private static OffsetDateTime end() {
        return ReportingData.TO.plusDays(1).atStartOfDay(ReportingData.VIETNAM).toOffsetDateTime();
    }

    /** Victims by sex straight from tc_case and person. */
    private Map<String, Long> victimsBySexDirect() {
        Map<String, Long> out = new HashMap<>();
        jdbc.query("select coalesce(p.sex, 'UNKNOWN'), count(*) from tc_case c join person p on p.id = c.person_id "
                + "where c.status <> 'NOT_A_VICTIM' and c.reported_at >= ? and c.reported_at < ? group by p.sex", rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, start(), end());
        return out;
    }

    @Test
    void theStatisticsServiceCountsWhatTheSourceTablesHold() {
        Map<String, Long> bySex = statistics.count(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.SEX));
        assertThat(bySex).isEqualTo(victimsBySexDirect()).containsEntry("F", 2L).containsEntry("M", 3L);

        Map<String, Long> cpByUnit = new HashMap<>();
        jdbc.query("select unit_code, count(*) from cp_case where opened_at >= ? and opened_at < ? group by unit_code",
                rs -> {
                    cpByUnit.put(rs.getString(1), rs.getLong(2));
                }, start(), end());
        Map<String, Long> byCommune = statistics.count(Query.of(Population.CHILD_PROTECTION, ReportingData.FROM,
                ReportingData.TO, Dimension.COMMUNE));
        assertThat(byCommune).containsEntry("25486", cpByUnit.get("25486")).containsEntry("25516", cpByUnit.get("25516"))
                // the former district 705 has four successor communes: province-level, not guessed
                .containsEntry(Statistics.UNKNOWN, cpByUnit.get("705"));

        // age at exploitation (the reporting day here) in both band systems
        Map<String, Long> vn = statistics.count(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.AGE_VN));
        assertThat(vn).containsEntry("LT16", 2L).containsEntry("16_17", 2L).containsEntry("GE18", 1L);
        Map<String, Long> ctdc = statistics.count(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.AGE_CTDC));
        assertThat(ctdc).containsEntry("9-17", 4L).containsEntry("27-29", 1L).hasSize(2);
        assertThat(AgeBands.ctdc(29)).isEqualTo("27-29");

        assertThat(statistics.count(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.DESTINATION))).containsEntry("GB", 4L).containsEntry("DE", 1L).doesNotContainKey("FR");
        assertThat(statistics.count(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.QUARTER))).containsEntry("2019-Q2", 5L);
        assertThat(statistics.count(Query.of(Population.IDENTIFIED_VICTIMS, ReportingData.FROM, ReportingData.TO,
                Dimension.KIND))).containsEntry("TC", 3L);
        assertThat(statistics.total(Query.of(Population.VICTIMS, ReportingData.FROM, ReportingData.TO, Dimension.KIND)
                .where(Dimension.EXPLOITATION, "FORCED_LABOUR"))).isEqualTo(2);
    }

    @Test
    void theLeadershipDashboardShowsTheFiguresOfTheSourceTables() throws Exception {
        long victims = victimsBySexDirect().values().stream().mapToLong(Long::longValue).sum();
        long cp = jdbc.queryForObject("select count(*) from cp_case where opened_at >= ? and opened_at < ?", Long.class,
                start(), end());
        String html = mvc.perform(get("/reporting/leadership").param("period", QUARTER.code())
                        .session(DemoUsers.login(mvc, "leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(figure(html, "fig-victims")).isEqualTo(victims);
        assertThat(figure(html, "fig-cpCases")).isEqualTo(cp);
        assertThat(html).contains("data-code=\"25486\" data-value=\"");
        assertThat(html).contains("<table").contains("cg-summary");
    }

    /** The first number after the element with the id. */
    static long figure(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        var m = java.util.regex.Pattern.compile(">(\\d+)<").matcher(html);
        assertThat(m.find(at)).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theQuarterlyReportDocxOpensAndItsTablesAreTheStatisticsServicesAnswers() throws Exception {
        byte[] docx = report.render(new StatisticalReport.Issuer("CA-TINH", "Công an tỉnh", "Lê Minh Khang"), QUARTER,
                StatisticalReport.Format.DOCX, "test");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("BÁO CÁO").contains("Quý 2 năm 2019");
            List<XWPFTable> tables = doc.getTables().stream().filter(t -> t.getRows().size() > 1
                    && "TT".equals(t.getRow(0).getCell(0).getText())).toList();
            // table 1: age band × sex, with totals
            XWPFTable ageSex = tables.getFirst();
            List<String> sexes = List.of("M", "F", Statistics.UNKNOWN);
            for (int r = 0; r < AgeBands.VN.size(); r++) {
                for (int s = 0; s < sexes.size(); s++) {
                    long expected = statistics.total(new Query(Population.VICTIMS, Statistics.Measure.CASES,
                            QUARTER.start(), QUARTER.end(), Map.of(Dimension.AGE_VN, AgeBands.VN.get(r),
                            Dimension.SEX, sexes.get(s)), Dimension.KIND));
                    assertThat(ageSex.getRow(r + 1).getCell(2 + s).getText()).as("age %s sex %s", r, s)
                            .isEqualTo(String.valueOf(expected));
                }
            }
            long all = statistics.total(Query.of(Population.VICTIMS, QUARTER.start(), QUARTER.end(), Dimension.KIND));
            assertThat(ageSex.getRow(AgeBands.VN.size() + 1).getCell(5).getText()).isEqualTo(String.valueOf(all));
            // table 3: forms of exploitation, one row per code in the service's order
            Map<String, Long> exploitation = statistics.count(Query.of(Population.VICTIMS, QUARTER.start(),
                    QUARTER.end(), Dimension.EXPLOITATION));
            XWPFTable byForm = tables.get(2);
            int row = 1;
            for (long v : exploitation.values()) {
                assertThat(byForm.getRow(row++).getCell(2).getText()).isEqualTo(String.valueOf(v));
            }
        }
        byte[] pdf = report.render(new StatisticalReport.Issuer("CA-TINH", "Công an tỉnh", "Lê Minh Khang"), QUARTER,
                StatisticalReport.Format.PDF, "test");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var reader = new org.openpdf.text.pdf.PdfReader(pdf);
        try {
            String page = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(java.text.Normalizer.normalize(page, java.text.Normalizer.Form.NFC))
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("BÁO CÁO");
        } finally {
            reader.close();
        }
    }

    @Test
    void theSpreadsheetTotalsAreFormulasThatAddUpAndTheCsvNeutralisesFormulas() throws Exception {
        byte[] xlsx = report.render(new StatisticalReport.Issuer("CA-TINH", "Công an tỉnh", "Lê Minh Khang"), QUARTER,
                StatisticalReport.Format.XLSX, "=HYPERLINK(\"x\")");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheet("victims-age-sex");
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            var totalRow = sheet.getRow(3 + AgeBands.VN.size());
            assertThat(totalRow.getCell(4).getCellFormula()).startsWith("SUM(");
            long all = statistics.total(Query.of(Population.VICTIMS, QUARTER.start(), QUARTER.end(), Dimension.KIND));
            assertThat((long) evaluator.evaluate(totalRow.getCell(4)).getNumberValue()).isEqualTo(all);
        }
        String csv = new String(report.render(new StatisticalReport.Issuer("CA-TINH", "Công an tỉnh", "x"), QUARTER,
                StatisticalReport.Format.CSV, "=cmd|' /C calc'!A0"), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("'=cmd");
    }

    @Test
    void reportsAreGeneratedWithAPurposeStoredListedDownloadedAndAudited() throws Exception {
        var session = DemoUsers.login(mvc, "police.coordinator");
        mvc.perform(post("/reporting/documents").session(session).with(csrf()).param("period", QUARTER.code())
                .param("format", "DOCX").param("purpose", "Báo cáo quý gửi UBND tỉnh")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select max(id) from rpt_document", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'rpt_document' "
                + "and entity_id = ? and action = 'EXPORT'", Long.class, String.valueOf(id))).isEqualTo(1);
        String list = mvc.perform(get("/reporting/documents").session(DemoUsers.login(mvc, "auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Báo cáo quý gửi UBND tỉnh");
        byte[] file = mvc.perform(get("/reporting/documents/" + id).session(DemoUsers.login(mvc, "auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            assertThat(doc.getTables()).isNotEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'rpt_document' "
                + "and entity_id = ? and action = 'READ'", Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theReleaseHasOnlyCtdcFieldsAndNoCombinationUnderEleven() throws Exception {
        String csv = mvc.perform(post("/reporting/release").session(DemoUsers.login(mvc, "police.coordinator"))
                        .with(csrf()).param("purpose", "Chia sẻ với đối tác theo MoU"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("police.coordinator").contains("MoU");
        assertThat(lines.get(2)).isEqualTo("yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,"
                + "typeOfExploitation,majorityStatus");
        assertThat(csv).doesNotContain("văn bản tự do").doesNotContain("RPT-");
        Map<String, Integer> classes = new HashMap<>();
        lines.stream().skip(3).forEach(l -> classes.merge(l, 1, Integer::sum));
        assertThat(classes.values()).allMatch(n -> n >= 11);
    }

    @Test
    void eachPageIsOpenOnlyToTheRolesThatMayReadItsAggregates() throws Exception {
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/leadership", Set.of("police.coordinator", "commune.chair",
                "leader", "auditor"));
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/police", Set.of("police.coordinator", "police.officer",
                "commune.chair", "leader", "auditor"));
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/casework", Set.of("police.officer", "foreign.officer",
                "health.caseworker", "health.supervisor", "commune.officer", "commune.chair"));
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/documents", Set.of("police.coordinator", "commune.chair",
                "leader", "auditor"));
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/release", Set.of("police.coordinator"));
        RoleAccess.assertOnlyAllowed(mvc, "/reporting/statistics", Set.of("police.coordinator", "commune.chair",
                "leader", "auditor", "health.supervisor"));
    }
}
