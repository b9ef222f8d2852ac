package vn.childguard.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.childguard.prevention.PreventionApi.TODAY;
import static vn.childguard.prevention.PreventionApi.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.childguard.planning.Period;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Prevention end to end over the API and the pages: comms.officer's campaign against Plan 113's
 * communication task with three activities in three communes (one by spreadsheet), its progress and
 * coverage map; bad spreadsheets refused row by row with nothing imported; the teacher's student whose
 * parents work abroad visited at home and referred to the commune through intake; the education
 * department's counts without names; the education report's proposed indicator values.
 */
@ChildGuardIntegrationTest
class PreventionIntegrationTests {

    static final String HEADER = "date,commune,place,channel,organiser,partners,female_adults,male_adults,female_minors,male_minors,reach,cost\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCampaignLinkedToTheCommunicationTaskCountsThreeActivitiesAgainstItsTargetAndMapsTheCommunesReached() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        String comms = api.token("comms.officer");
        long campaign = api.campaign(comms, 1000);
        String day = TODAY.toString();

        api.call(post("/api/v1/prevention/campaigns/" + campaign + "/activities"), comms, Map.of("heldOn", day,
                "unitCode", "25486", "place", "Hội trường ấp Thạnh Phú", "channel", "MEETING",
                "organiser", "Sở Văn hóa, Thể thao và Du lịch",
                "femaleAdults", 20, "maleAdults", 15, "femaleMinors", 10, "maleMinors", 5, "cost", "1500000"))
                .andExpect(status().isCreated());
        api.call(post("/api/v1/prevention/campaigns/" + campaign + "/activities"), comms, Map.of("heldOn", day,
                "unitCode", "25459", "channel", "RADIO", "organiser", "Đài Phát thanh - Truyền hình Tây Ninh",
                "reach", 500)).andExpect(status().isCreated());
        String sheet = HEADER + day + ",25708,Trường THPT Trảng Bàng,SCHOOL_SESSION,Đoàn thanh niên,,0,0,40,35,,\n";
        JsonNode imported = json(api.upload(campaign, comms, "activities.csv", sheet.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated()));
        assertThat(imported.get("imported").asInt()).isEqualTo(1);

        JsonNode detail = json(api.call(get("/api/v1/prevention/campaigns/" + campaign), comms, null)
                .andExpect(status().isOk()));
        JsonNode progress = detail.get("progress");
        assertThat(progress.get("reached").asInt()).isEqualTo(50 + 500 + 75);
        assertThat(progress.get("percent").asInt()).isEqualTo(63);
        assertThat(progress.get("minors").asInt()).isEqualTo(15 + 75);
        assertThat(progress.get("reachByChannel").get("RADIO").asInt()).isEqualTo(500);
        assertThat(progress.get("communes")).hasSize(3);
        assertThat(detail.get("campaign").get("indicatorCode").asString()).isEqualTo("communication_sessions");

        String page = mvc.perform(get("/prevention/campaigns/" + campaign).session(DemoUsers.login(mvc, "comms.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "data-code=\"25486\" data-reached=\"true\" data-hotspot=\"true\"",
                "data-code=\"25459\" data-reached=\"true\"", "data-code=\"27868\" data-reached=\"false\"",
                "II.3", "625");

        Period half = Period.containing(Period.Kind.HALF_YEAR, TODAY);
        JsonNode coverage = json(api.call(get("/api/v1/prevention/coverage?period=" + half.code()), comms, null)
                .andExpect(status().isOk()));
        List<String> reached = new ArrayList<>();
        coverage.get("reached").forEach(n -> reached.add(n.asString()));
        assertThat(reached).contains("25486", "25459", "25708");
        assertThat(coverage.get("communes").asInt()).isGreaterThanOrEqualTo(95);
        String map = mvc.perform(get("/prevention/coverage?period=" + half.code())
                        .session(DemoUsers.login(mvc, "leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(map).contains("data-code=\"25708\" data-reached=\"true\" data-hotspot=\"true\"");

        // only the owner agency's prevention officers record its activities; only prevention officers create campaigns
        api.call(post("/api/v1/prevention/campaigns/" + campaign + "/activities"), api.token("education.officer"),
                Map.of("heldOn", day, "unitCode", "25486", "channel", "MEETING", "organiser", "x", "femaleAdults", 1))
                .andExpect(status().isForbidden());
        api.call(post("/api/v1/prevention/campaigns"), api.token("teacher"), Map.of("theme", "x"))
                .andExpect(status().isForbidden());
        // an indicator must belong to the linked task, and problem+json names the field
        JsonNode refused = json(api.call(post("/api/v1/prevention/campaigns"), comms, Map.of("theme", "Chiến dịch sai",
                "startsOn", day, "endsOn", day, "audiences", List.of("STUDENTS"), "channels", List.of("RADIO"),
                "targetReach", 10, "planTaskId", api.task(comms, "II.3"), "indicatorCode", "teachers_trained"))
                .andExpect(status().isBadRequest()));
        assertThat(refused.get("errors").has("indicatorCode")).isTrue();
    }

    @Test
    void aSpreadsheetWithBadRowsIsRefusedRowByRowAndNothingIsImportedUntilItIsFixed() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        String comms = api.token("comms.officer");
        long campaign = api.campaign(comms, 200);
        String day = TODAY.toString();
        String bad = HEADER
                + day + ",25486,,MEETING,Hội Phụ nữ xã,,10,5,0,0,,\n"
                + "31/02/2026,99999,,MEETING,Hội Phụ nữ xã,,10,5,0,0,,\n"
                + day + ",25489,,FAX,Hội Phụ nữ xã,,10,5,0,0,,\n"
                + day + ",25489,,RADIO,Đài xã,,,,,,,\n";
        JsonNode problem = json(api.upload(campaign, comms, "bad.csv", bad.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()));
        List<String> cells = new ArrayList<>();
        problem.get("rows").forEach(r -> cells.add(r.get("row").asInt() + ":" + r.get("column").asString()));
        assertThat(cells).containsExactlyInAnyOrder("3:date", "3:commune", "4:channel", "5:reach");
        assertThat(problem.get("errors").has("file")).isTrue();
        assertThat(activities(campaign)).isZero();

        // the same refusal on the page, row by row, in a table
        String page = mvc.perform(multipart("/prevention/campaigns/" + campaign + "/upload")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .session(DemoUsers.login(mvc, "comms.officer")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"row-errors\"", "<td>4</td>", "<td>channel</td>");
        assertThat(activities(campaign)).isZero();

        // an XLSX with a non-number is refused too; fixed, both rows go in
        byte[] wrong = xlsx(List.of(List.of(day, "25486", "MEETING", "Hội Phụ nữ xã", "mười"),
                List.of(day, "25489", "MEETING", "Hội Phụ nữ xã", "12")));
        JsonNode xlsxProblem = json(api.upload(campaign, comms, "activities.xlsx", wrong).andExpect(status().isBadRequest()));
        assertThat(xlsxProblem.get("rows").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(xlsxProblem.get("rows").get(0).get("column").asString()).isEqualTo("female_adults");
        assertThat(activities(campaign)).isZero();
        byte[] fixed = xlsx(List.of(List.of(day, "25486", "MEETING", "Hội Phụ nữ xã", "10"),
                List.of(day, "25489", "MEETING", "Hội Phụ nữ xã", "12")));
        assertThat(json(api.upload(campaign, comms, "activities.xlsx", fixed).andExpect(status().isCreated()))
                .get("imported").asInt()).isEqualTo(2);
        assertThat(activities(campaign)).isEqualTo(2);

        // a zip bomb (40 MB of XML in a few kilobytes) is refused before it is inflated into memory
        byte[] bomb = vn.childguard.test.ZipBombs.padded(fixed, "xl/worksheets/sheet1.xml", 40L << 20);
        assertThat(bomb.length).isLessThan(200_000);
        JsonNode bombProblem = json(api.upload(campaign, comms, "bomb.xlsx", bomb).andExpect(status().isBadRequest()));
        assertThat(bombProblem.get("errors").get("file").asString()).contains("bom nén");
        assertThat(activities(campaign)).isEqualTo(2);
    }

    @Test
    void theTeacherRegistersAStudentWhoseParentsWorkAbroadVisitsHomeAndRefersToTheCommuneWhileTheDepartmentSeesOnlyCounts()
            throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        String teacher = api.token("teacher");
        String name = "Phạm Thị Hoa " + UUID.randomUUID().toString().substring(0, 6);
        long student = json(api.call(post("/api/v1/prevention/students"), teacher, Map.of("fullName", name,
                "className", "10A3", "category", "PARENTS_ABROAD", "guardianContact", "Bà ngoại Phạm Thị Lan 0912345678",
                "homeUnit", "25486")).andExpect(status().isCreated())).get("id").asLong();
        assertThat(jdbc.queryForObject("select full_name from prevention_student where id = ?", String.class, student))
                .doesNotContain("Hoa");

        api.call(post("/api/v1/prevention/students/" + student + "/follow-ups"), teacher, Map.of("kind", "HOME_VISIT",
                "doneOn", TODAY.toString(), "note", "Bà ngoại chăm sóc; cha mẹ làm việc tại Hàn Quốc"))
                .andExpect(status().isCreated());
        long intake = json(api.call(post("/api/v1/prevention/students/" + student + "/referral"), teacher,
                Map.of("reason", "Em nghỉ học nhiều ngày, có người lạ hứa đưa đi làm việc ở nước ngoài"))
                .andExpect(status().isCreated())).get("intakeId").asLong();

        Map<String, Object> report = jdbc.queryForMap("select channel, routed_agency_code, occurred_at_unit, status"
                + " from intake_report where id = ?", intake);
        assertThat(report).containsEntry("channel", "SCHOOL").containsEntry("routed_agency_code", "UBND-25486")
                .containsEntry("occurred_at_unit", "25486").containsEntry("status", "ROUTED");
        String commune = api.token("commune.officer");
        JsonNode seen = json(api.call(get("/api/v1/intakes/" + intake), commune, null).andExpect(status().isOk()));
        assertThat(seen.toString()).contains(name, "10A3");

        JsonNode followed = json(api.call(get("/api/v1/prevention/students/" + student), teacher, null)
                .andExpect(status().isOk()));
        assertThat(followed.get("followUps")).hasSize(2);
        assertThat(followed.get("followUps").get(1).get("intakeId").asLong()).isEqualTo(intake);

        // the school is in Tân Ninh: Tân Biên's officer does not see the student by name
        api.call(get("/api/v1/prevention/students/" + student), commune, null).andExpect(status().isForbidden());

        String education = api.token("education.officer");
        String counts = api.call(get("/api/v1/prevention/students/aggregates"), education, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(counts).contains("THPT-TAYNINH", "PARENTS_ABROAD").doesNotContain(name).doesNotContain("Hoa");
        api.call(get("/api/v1/prevention/students"), education, null).andExpect(status().isForbidden());
        api.call(get("/api/v1/prevention/students/" + student), education, null).andExpect(status().isForbidden());
        String page = mvc.perform(get("/prevention/students/aggregates").session(DemoUsers.login(mvc, "education.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Trường THPT Tây Ninh").doesNotContain(name);
        // the navigation offers education pages and counts only to those the policy lets in
        assertThat(mvc.perform(get("/").session(DemoUsers.login(mvc, "education.officer")))
                .andReturn().getResponse().getContentAsString())
                .contains("href=\"/prevention/students/aggregates\"").contains("href=\"/prevention/education\"");
        assertThat(mvc.perform(get("/").session(DemoUsers.login(mvc, "comms.officer")))
                .andReturn().getResponse().getContentAsString())
                .doesNotContain("href=\"/prevention/students/aggregates\"").doesNotContain("href=\"/prevention/education\"");
    }

    @Test
    void theEducationProgressReportProposesTeachersTrainedOnceEachAndStudentsTaught() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        String education = api.token("education.officer");
        api.call(post("/api/v1/prevention/sessions"), education, Map.of("kind", "TEACHER_TRAINING",
                "heldOn", "2024-03-10", "topic", "Nhận diện dấu hiệu mua bán trẻ em", "trainers", "Công an tỉnh",
                "schoolCodes", List.of("THPT-TAYNINH", "THCS-TANBIEN"),
                "attendees", List.of(Map.of("fullName", "Nguyễn Văn Khôi", "birthDate", "1985-04-12", "sex", "M"),
                        Map.of("fullName", "Trần Thị Bích Ngân", "birthDate", "1990-01-02", "sex", "F"))))
                .andExpect(status().isCreated());
        JsonNode second = json(api.call(post("/api/v1/prevention/sessions"), education, Map.of("kind", "TEACHER_TRAINING",
                "heldOn", "2024-04-20", "topic", "Kỹ năng tư vấn cho học sinh", "schoolCodes", List.of("THPT-TRANGBANG"),
                "attendees", List.of(Map.of("fullName", "Nguyen Van Khoi", "birthDate", "1985-04-12", "sex", "M"),
                        Map.of("fullName", "Lê Văn Cường", "birthDate", "1979-09-30", "sex", "M"))))
                .andExpect(status().isCreated()));
        assertThat(second.get("attendees").asInt()).isEqualTo(2);
        api.call(post("/api/v1/prevention/sessions"), education, Map.of("kind", "STUDENT_SESSION",
                "heldOn", "2024-05-05", "topic", "Kỹ năng tự bảo vệ", "grade", "10", "participants", 120,
                "schoolCodes", List.of("THPT-TAYNINH"))).andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("select count(*) from prevention_trainee where full_name in (?, ?)", Integer.class,
                "Nguyễn Văn Khôi", "Nguyen Van Khoi")).isEqualTo(1);

        long task = api.task(education, "II.4.a");
        JsonNode report = json(api.call(post("/api/v1/tasks/" + task + "/reports?period=2024-H1"), education, null)
                .andExpect(status().isCreated()));
        List<Integer> proposed = new ArrayList<>();
        report.get("proposed").forEach(v -> proposed.add(v.asInt()));
        assertThat(proposed).containsExactlyInAnyOrder(3, 120);
    }

    @Test
    void evidenceIsCheckedByTypeAndSizeAndMaterialsAreNamedByVersionAndLanguage() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        String comms = api.token("comms.officer");
        long campaign = api.campaign(comms, 100);
        long material = json(api.call(post("/api/v1/prevention/materials"), comms, Map.of("title",
                "Tờ rơi Cảnh giác với lời mời đi làm ở nước ngoài", "versionLabel", "2026.1", "languageCode", "vi"))
                .andExpect(status().isCreated())).get("id").asLong();
        var session = DemoUsers.login(mvc, "comms.officer");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

        String refused = mvc.perform(multipart("/prevention/campaigns/" + campaign + "/activities")
                        .file(new MockMultipartFile("evidence", "photo.pdf", "application/pdf", png))
                        .param("heldOn", TODAY.toString()).param("unitCode", "25486").param("channel", "LEAFLET")
                        .param("organiser", "Văn hóa xã").param("reach", "300").param("materialIds", String.valueOf(material))
                        .session(session).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"evidence-error\"", "Văn hóa xã");
        assertThat(activities(campaign)).isZero();

        mvc.perform(multipart("/prevention/campaigns/" + campaign + "/activities")
                        .file(new MockMultipartFile("evidence", "photo.png", "image/png", png))
                        .param("heldOn", TODAY.toString()).param("unitCode", "25486").param("channel", "LEAFLET")
                        .param("organiser", "Văn hóa xã").param("reach", "300").param("materialIds", String.valueOf(material))
                        .session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long activity = jdbc.queryForObject("select id from prevention_activity where campaign_id = ?", Long.class, campaign);
        assertThat(jdbc.queryForObject("select material_ids from prevention_activity where id = ?", String.class, activity))
                .isEqualTo(String.valueOf(material));
        byte[] stored = jdbc.queryForObject("select evidence from prevention_activity where id = ?", byte[].class, activity);
        assertThat(stored).isNotEqualTo(png);
        byte[] downloaded = mvc.perform(get("/prevention/activities/" + activity + "/evidence").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png);
    }

    private int activities(long campaign) {
        return jdbc.queryForObject("select count(*) from prevention_activity where campaign_id = ?", Integer.class, campaign);
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("activities");
            var header = sheet.createRow(0);
            String[] columns = {"date", "commune", "channel", "organiser", "female_adults"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
