package vn.childguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.security.MappedEndpoints.Endpoint;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The permission matrix: every page and API endpoint the application maps (read from Spring's
 * request-mapping handler mappings, so a new endpoint appears by itself) × every demo role and
 * anonymous, against the reviewed table {@code src/test/resources/security/permission-matrix.csv}.
 *
 * <p>Cells: {@code ok} (2xx, or 3xx not to the login page), {@code login} (401 or redirect to the
 * login page), otherwise the status: {@code 403}, {@code 404}, {@code 400} and the like (the request
 * reached input checking before any record was looked at, usually an empty form), {@code 5xx}. Path variables are filled with records this test creates in commune
 * 25486 ({@code own}), copies of them moved to commune 25489 and its committee ({@code other}), or
 * an id that does not exist ({@code missing}: for changes to records shared with other tests, and
 * beside {@code other} for reads, so that a refusal that tells existing from missing records shows).
 *
 * <p>Reads (GET) run for every role. Changes (POST/PUT/DELETE) run with an empty body, so a role
 * that is allowed stops at input checking, and only against this test's own records or missing ids:
 * shared demo data is never changed. For changes, the table therefore proves who is refused.
 *
 * <p>To add rows for a new endpoint, run with {@code -Dchildguard.permissions.write=true}, which
 * rewrites the file with the observed outcomes; review the diff in git before committing.
 */
@ChildGuardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests {

    static final Path TABLE = Path.of("src/test/resources/security/permission-matrix.csv");
    static final String MISSING = "987654321";
    static final String OTHER_UNIT = "25489";
    static final String OTHER_COMMITTEE = "UBND-25489";
    static final List<String> PRINCIPALS = new ArrayList<>();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

    static {
        PRINCIPALS.add("anonymous");
        PRINCIPALS.addAll(DemoUsers.ALL);
    }

    /** Spring Boot's error page, which only renders the error of another request. */
    static final java.util.Set<String> EXCLUDED = java.util.Set.of("/error");

    /** Required query parameters, so a read reaches the access check instead of stopping at a 400. */
    static final Map<String, String> QUERIES = Map.of(
            "GET /plans/{id}/consolidated", "?period=2026-H1",
            "GET /plans/{planId}/urge", "?task=" + MISSING + "&period=2026-H1&agency=SNGV",
            "GET /api/v1/intelligence/path", "?from=" + MISSING + "&to=" + MISSING,
            "GET /intelligence/network/path", "?from=" + MISSING + "&to=" + MISSING,
            "GET /intelligence/network/expand", "?id=" + MISSING,
            "GET /intelligence/network/subgraph", "?ids=" + MISSING);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    final Map<String, MockHttpSession> sessions = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    /** Fixture ids by name: person, case, tcase, intake, tip, tipCode, campaign, student, report, … and other.* */
    final Map<String, String> ids = new HashMap<>();
    final AtomicInteger address = new AtomicInteger();

    // ---------------------------------------------------------------- fixtures

    @BeforeAll
    void fixtures() throws Exception {
        for (String user : DemoUsers.ALL) {
            sessions.put(user, DemoUsers.login(mvc, user));
            tokens.put(user, token(user));
        }
        String commune = tokens.get("commune.officer");
        ids.put("person", String.valueOf(registerPerson(commune, "2012-03-04")));
        ids.put("case", String.valueOf(openCase(commune, registerPerson(commune, "2011-05-02"))));
        long otherPerson = registerPerson(commune, "2012-03-04");
        ids.put("other.person", String.valueOf(otherPerson));
        long otherCase = openCase(commune, registerPerson(commune, "2011-05-02"));
        ids.put("other.case", String.valueOf(otherCase));

        String foreign = tokens.get("foreign.officer");
        ids.put("tcase", String.valueOf(openTraffickingCase(foreign, registerPerson(foreign, "2009-01-01"))));
        long otherTcase = openTraffickingCase(foreign, registerPerson(foreign, "2009-01-01"));
        ids.put("other.tcase", String.valueOf(otherTcase));

        String hotline = tokens.get("hotline.operator");
        ids.put("intake", String.valueOf(intake(hotline)));
        long otherIntake = intake(hotline);
        ids.put("other.intake", String.valueOf(otherIntake));

        String tipCode = tip();
        ids.put("tipCode", tipCode);
        ids.put("tip", String.valueOf(jdbc.queryForObject("select max(id) from public_tip", Long.class)));

        ids.put("campaign", String.valueOf(campaign(tokens.get("comms.officer"))));
        String teacher = tokens.get("teacher");
        ids.put("student", String.valueOf(student(teacher)));
        long otherStudent = student(teacher);
        ids.put("other.student", String.valueOf(otherStudent));

        ids.put("report", String.valueOf(progressReport(foreign)));
        ids.put("alert", String.valueOf(screeningAlert(tokens.get("exit.officer"))));

        // about a person of its own: the open request lets the administrator read that person
        ids.put("privacyRequest", String.valueOf(privacyRequest(registerPerson(commune, "2010-10-10"))));
        ids.put("breach", String.valueOf(breach()));

        // the shared demo data, read but never changed
        ids.put("plan", String.valueOf(jdbc.queryForObject("select id from plan where code = '113/KH-UBND'", Long.class)));
        ids.put("task", String.valueOf(jdbc.queryForObject("select t.id from plan_task t join plan p on p.id = t.plan_id "
                + "where p.code = '113/KH-UBND' and t.code = 'II.2'", Long.class)));
        ids.put("user", String.valueOf(jdbc.queryForObject("select id from app_user where username = 'teacher'", Long.class)));
        ids.put("agency", String.valueOf(jdbc.queryForObject("select id from agency where code = 'SYT'", Long.class)));
        ids.put("referenceItem", String.valueOf(jdbc.queryForObject(
                "select min(id) from reference_item where list_code = 'country'", Long.class)));
        ids.put("entity", String.valueOf(jdbc.queryForObject("select min(id) from intel_entity", Long.class)));
        // the demo data holds no proceeding, and those of other tests come and go: one that does not exist
        ids.put("proceeding", MISSING);
        ids.put("watch", String.valueOf(jdbc.queryForObject("select min(id) from intel_watchlist_entry", Long.class)));

        // the copies that belong to another commune and its committee
        jdbc.update("update person set unit_code = ?, registering_agency = ? where id = ?", OTHER_UNIT, OTHER_COMMITTEE,
                otherPerson);
        jdbc.update("update cp_case set unit_code = ?, owning_agency_code = ?, opened_by = 'someone.else' where id = ?",
                OTHER_UNIT, OTHER_COMMITTEE, otherCase);
        jdbc.update("delete from case_team_member where case_id = ?", otherCase);
        jdbc.update("update tc_case set unit_code = ?, reporting_agency_code = ? where id = ?", OTHER_UNIT,
                OTHER_COMMITTEE, otherTcase);
        jdbc.update("update intake_report set occurred_at_unit = ?, receiving_agency_code = ?, routed_agency_code = ?, "
                + "competent_agency_code = ? where id = ?", OTHER_UNIT, OTHER_COMMITTEE, OTHER_COMMITTEE, OTHER_COMMITTEE,
                otherIntake);
        jdbc.update("update prevention_student set school_code = 'THPT-TRANGBANG', school_unit = '25708', "
                + "home_unit = '25708' where id = ?", otherStudent);
    }

    String token(String user) throws Exception {
        return json(perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"), 200))
                .get("token").asString();
    }

    long registerPerson(String token, String birthDate) throws Exception {
        return json(api(HttpMethod.POST, "/api/v1/persons", token, Map.of("fullName",
                "Nguyễn Thị Ma Trận " + UUID.randomUUID().toString().substring(0, 6), "birthDate", birthDate,
                "sex", "F", "documents", List.of(), "unitCode", "25486"), 201)).get("id").asLong();
    }

    long openCase(String token, long child) throws Exception {
        return json(api(HttpMethod.POST, "/api/v1/cases", token, Map.of("childPersonId", child, "unitCode", "25486",
                "seriousRisk", false), 201)).get("kase").get("id").asLong();
    }

    long openTraffickingCase(String token, long person) throws Exception {
        return json(api(HttpMethod.POST, "/api/v1/trafficking-cases", token, Map.of("personId", person,
                "unitCode", "25486", "countryCode", "GB", "abroad", true, "source", "Đại sứ quán Việt Nam tại London",
                "data", Map.of("exploitationTypes", List.of("FORCED_CRIMINALITY"), "summary", "Ma trận quyền")), 201))
                .get("id").asLong();
    }

    long intake(String token) throws Exception {
        return json(api(HttpMethod.POST, "/api/v1/intakes", token, Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Ma trận quyền: trẻ bị bỏ rơi", "urgency", "HIGH", "reporterAnonymous", true,
                "people", List.of(Map.of("part", "CHILD", "newPerson", Map.of("fullName",
                        "Lê Văn Ma Trận " + UUID.randomUUID().toString().substring(0, 6), "estimatedAge", 9)))), 201))
                .get("id").asLong();
    }

    String tip() throws Exception {
        return json(perform(post("/api/public/tips").contentType(MediaType.APPLICATION_JSON)
                .content("{\"narrative\":\"Ma trận quyền: trẻ bị đánh ở chợ đêm\",\"unitCode\":\"25486\"}"), 201))
                .get("trackingCode").asString();
    }

    long campaign(String token) throws Exception {
        long task = -1;
        for (JsonNode t : json(api(HttpMethod.GET, "/api/v1/prevention/plan-tasks", token, null, 200))) {
            if (t.get("planCode").asString().equals("113/KH-UBND") && t.get("code").asString().equals("II.3")) {
                task = t.get("id").asLong();
            }
        }
        LocalDate today = LocalDate.now();
        return json(api(HttpMethod.POST, "/api/v1/prevention/campaigns", token, Map.of(
                "theme", "Ma trận quyền " + UUID.randomUUID().toString().substring(0, 6),
                "startsOn", today.minusDays(30).toString(), "endsOn", today.plusDays(60).toString(),
                "audiences", List.of("STUDENTS"), "channels", List.of("MEETING"),
                "targetReach", 100, "planTaskId", task, "indicatorCode", "communication_sessions"), 201))
                .get("id").asLong();
    }

    long student(String token) throws Exception {
        return json(api(HttpMethod.POST, "/api/v1/prevention/students", token, Map.of(
                "fullName", "Lâm Văn Ma Trận " + UUID.randomUUID().toString().substring(0, 6), "className", "11B1",
                "category", "DROPPED_OUT"), 201)).get("id").asLong();
    }

    long progressReport(String token) throws Exception {
        var response = perform(post("/api/v1/tasks/" + ids.getOrDefault("task", taskId()) + "/reports")
                .param("period", "2025-H1").header("Authorization", "Bearer " + token), 0);
        if (response.getStatus() == 201) {
            return JSON.readTree(response.getContentAsString()).get("id").asLong();
        }
        return jdbc.queryForObject("select max(r.id) from progress_report r where r.task_id = ? and r.period_code = "
                + "'2025-H1' and r.agency_code = 'SNGV'", Long.class, Long.parseLong(taskId()));
    }

    String taskId() {
        return String.valueOf(jdbc.queryForObject("select t.id from plan_task t join plan p on p.id = t.plan_id "
                + "where p.code = '113/KH-UBND' and t.code = 'II.2'", Long.class));
    }

    /** Posts an administrator's privacy form and returns the id the page redirects to. */
    long adminForm(String path, Map<String, String> params) throws Exception {
        var request = post(path).session(sessions.get("admin")).with(csrf());
        params.forEach(request::param);
        String location = perform(request, 302).getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A verified request to see one's data, assigned to the administrator, so the export answers. */
    long privacyRequest(long person) throws Exception {
        long id = adminForm("/privacy/requests", Map.of("personId", String.valueOf(person), "kind", "ACCESS",
                "channel", "IN_PERSON", "relation", "SELF", "requesterName", "Ma Trận Quyền", "identityMethod", "ID_CARD",
                "identityVerified", "true"));
        adminForm("/privacy/requests/" + id + "/assign", Map.of("officer", "admin"));
        return id;
    }

    /** An assessed breach, so its notification can be generated. */
    long breach() throws Exception {
        long id = adminForm("/privacy/breaches", Map.of("discoveredAt",
                java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusHours(1)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                "description", "Ma trận quyền", "dataAffected", "Không", "categories", "CONTACT", "subjectsCount", "0",
                "cause", "Thử", "containment", "Thử"));
        adminForm("/privacy/breaches/" + id + "/assess", Map.of("riskLevel", "LOW", "consequences", "Không",
                "measures", "Không", "contact", "Quản trị hệ thống"));
        return id;
    }

    long screeningAlert(String token) throws Exception {
        String key = "PM" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("record_id", key);
        r.put("full_name", "Hoàng Thị Ma Trận");
        r.put("birth_date", "2012-02-02");
        r.put("sex", "F");
        r.put("document_number", "C" + key.substring(2, 9).toUpperCase());
        r.put("nationality", "VN");
        r.put("travel_date", LocalDate.now().toString());
        r.put("direction", "EXIT");
        r.put("border_gate", "SGN");
        r.put("destination_country", "FR");
        r.put("transit_countries", "RU");
        r.put("booking_ref", key);
        r.put("visa_type", "STUDENT");
        api(HttpMethod.POST, "/api/v1/screening/records", token, List.of(r), 200);
        Long alert = jdbc.queryForObject("select max(id) from screening_alert where record_id = ?", Long.class, key);
        return alert == null ? Long.parseLong(MISSING) : alert;
    }

    // ---------------------------------------------------------------- the matrix

    /** One row of the table: an endpoint, which records fill its path, and one outcome per principal. */
    record Row(String method, String pattern, String scope) implements Comparable<Row> {
        String key() {
            return method + " " + pattern + " [" + scope + "]";
        }

        @Override
        public int compareTo(Row o) {
            return java.util.Comparator.comparing(Row::pattern).thenComparing(Row::method).thenComparing(Row::scope)
                    .compare(this, o);
        }
    }

    @Test
    void everyEndpointForEveryRoleMatchesTheReviewedTable() throws Exception {
        Map<Row, List<String>> actual = new TreeMap<>();
        List<Endpoint> endpoints = MappedEndpoints.all(context);
        // reads first, then changes, so a change to this test's own records cannot alter a read's outcome
        for (boolean reads : new boolean[] {true, false}) {
            for (Endpoint e : endpoints) {
                if (e.method().equals("GET") != reads) {
                    continue;
                }
                if (EXCLUDED.contains(e.pattern())) {
                    continue;
                }
                for (String scope : scopes(e)) {
                    String url = fill(e, scope) + QUERIES.getOrDefault(e.method() + " " + e.pattern(), "");
                    List<String> cells = new ArrayList<>();
                    for (String principal : PRINCIPALS) {
                        cells.add(outcome(e, url, principal));
                    }
                    actual.put(new Row(e.method(), e.pattern(), scope), cells);
                }
            }
        }
        if (Boolean.getBoolean("childguard.permissions.write")) {
            write(actual);
        }
        compare(read(), actual);
    }

    /** Which variants of an endpoint are checked: "-" without variables, own, other where a copy elsewhere exists. */
    List<String> scopes(Endpoint e) {
        if (!VARIABLE.matcher(e.pattern()).find()) {
            return List.of("-");
        }
        boolean change = !e.method().equals("GET");
        String own = change && !ownedByThisTest(e.pattern()) ? "missing" : "own";
        if (!change && otherKey(e.pattern()) != null) {
            // "missing" beside "other": a refusal that differs between them tells whether a record exists
            return List.of(own, "other", "missing");
        }
        return List.of(own);
    }

    /** Records this test created itself, which a change may touch. */
    static boolean ownedByThisTest(String pattern) {
        return pattern.matches("^(/api/v1)?/(cases|trafficking-cases|people|persons|intakes|prevention/(campaigns|students))/.*")
                || pattern.startsWith("/api/v1/prevention/campaigns/") || pattern.startsWith("/api/v1/prevention/students/");
    }

    /** The fixture name of the first variable, for the endpoints that have an other-scope copy. */
    static String otherKey(String pattern) {
        if (pattern.matches("^(/api/v1)?/cases/\\{id}.*")) {
            return "case";
        }
        if (pattern.matches("^(/api/v1)?/trafficking-cases/\\{id}.*")) {
            return "tcase";
        }
        if (pattern.matches("^/people/\\{id}.*|^/api/v1/persons/\\{id}.*")) {
            return "person";
        }
        if (pattern.matches("^(/api/v1)?/intakes/\\{id.*")) {
            return "intake";
        }
        if (pattern.matches("^(/api/v1)?/prevention/students/\\{id}.*")) {
            return "student";
        }
        return null;
    }

    String fill(Endpoint e, String scope) {
        Matcher m = VARIABLE.matcher(e.pattern());
        StringBuilder url = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String value;
            if (scope.equals("missing")) {
                value = literal(e.pattern(), m.group(1));
                if (value == null) {
                    value = MISSING;
                }
            } else {
                value = value(e.pattern(), m.group(1), first, scope.equals("other"));
            }
            first = false;
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return url.toString();
    }

    /** Variables that are not record ids: the same value in every scope. */
    static String literal(String pattern, String variable) {
        return switch (variable) {
            case "step" -> pattern.startsWith("/tip") ? "what" : "accept";
            case "what" -> pattern.startsWith("/trafficking-cases") ? "notes"
                    : pattern.startsWith("/intelligence/entities") ? "links"
                    : pattern.startsWith("/intelligence/proceedings") ? "steps" : "update";
            case "code" -> pattern.startsWith("/api/public/tips") ? null : "F02";
            case "period" -> "2026-H1";
            case "list" -> "country";
            case "entityType" -> "cp_case";
            default -> null;
        };
    }

    String value(String pattern, String variable, boolean first, boolean other) {
        String literal = literal(pattern, variable);
        if (literal != null) {
            return literal;
        }
        if (variable.equals("code")) {
            return ids.get("tipCode");
        }
        if (!first) {
            // a nested record (referral, consent, attachment, follow-up, relationship): one that does not exist
            return variable.equals("id") && pattern.startsWith("/audit/history") ? ids.get("case") : MISSING;
        }
        String key = fixture(pattern);
        if (key == null) {
            return MISSING;
        }
        if (other && ids.containsKey("other." + key)) {
            return ids.get("other." + key);
        }
        String id = ids.get(key);
        return id == null || id.equals("null") ? MISSING : id;
    }

    static String fixture(String pattern) {
        String p = pattern.replaceFirst("^/api/v1", "").replaceFirst("^/api/v1/intelligence", "/intelligence");
        if (p.startsWith("/intelligence/")) {
            p = p.substring("/intelligence".length());
            if (p.startsWith("/entities/")) {
                return "entity";
            }
            if (p.startsWith("/proceedings/")) {
                return "proceeding";
            }
            if (p.startsWith("/watchlist/")) {
                return "watch";
            }
            return null;
        }
        if (p.startsWith("/cases/escalations/")) {
            return null;
        }
        for (String[] prefix : new String[][] {{"/cases/", "case"}, {"/trafficking-cases/", "tcase"},
            {"/people/", "person"}, {"/persons/", "person"}, {"/intakes/tips/", "tip"}, {"/intakes/", "intake"},
            {"/prevention/campaigns/", "campaign"}, {"/prevention/students/", "student"}, {"/reports/", "report"},
            {"/tasks/", "task"}, {"/plans/", "plan"}, {"/admin/users/", "user"}, {"/admin/agencies/", "agency"},
            {"/organisation/agencies/", "agency"}, {"/admin/reference/items/", "referenceItem"},
            {"/screening/alerts/", "alert"}, {"/audit/history/", "case"}, {"/privacy/requests/", "privacyRequest"},
            {"/privacy/breaches/", "breach"}}) {
            if (p.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return null;
    }

    String outcome(Endpoint e, String url, String principal) throws Exception {
        boolean api = e.pattern().startsWith("/api/");
        HttpMethod method = HttpMethod.valueOf(e.method());
        AbstractMockHttpServletRequestBuilder<?> request;
        if (e.multipart() && method != HttpMethod.GET) {
            var upload = multipart(method, url);
            // a file that no upload accepts (so nothing is stored), only for this test's records or missing
            // ones: the request reaches the role check instead of stopping at "file missing"
            if (e.filePart() != null && VARIABLE.matcher(e.pattern()).find()) {
                upload.file(new org.springframework.mock.web.MockMultipartFile(e.filePart(), "x.txt", "text/plain",
                        new byte[] {'x'}));
            }
            request = upload;
        } else {
            request = request(method, url);
        }
        if (api) {
            if (!principal.equals("anonymous")) {
                // signing out revokes the token used: spend a fresh one, not the one the other rows use
                boolean signOut = method == HttpMethod.DELETE && e.pattern().equals("/api/v1/auth/token");
                request.header("Authorization", "Bearer " + (signOut ? token(principal) : tokens.get(principal)));
            }
            if (method != HttpMethod.GET && !e.multipart()) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        } else {
            request.session(principal.equals("anonymous") ? new MockHttpSession() : sessions.get(principal));
            if (method != HttpMethod.GET) {
                request.with(csrf());
            }
        }
        return category(perform(request, 0));
    }

    static String category(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getHeader("Location");
        if (status == 401 || (status / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login.*"))) {
            return "login";
        }
        if (status / 100 == 2 || status / 100 == 3) {
            return "ok";
        }
        return String.valueOf(status);
    }

    // ---------------------------------------------------------------- the reviewed table

    static Map<Row, List<String>> read() throws IOException {
        Map<Row, List<String>> table = new TreeMap<>();
        if (!Files.exists(TABLE)) {
            return table;
        }
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        String header = String.join(",", header());
        assertThat(lines.getFirst()).as("header of %s (the principals are DemoUsers.ALL)", TABLE).isEqualTo(header);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            table.put(new Row(cells[0], cells[1], cells[2]), List.of(cells).subList(3, cells.length));
        }
        return table;
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("method", "path", "scope"));
        header.addAll(PRINCIPALS);
        return header;
    }

    static String line(Row row, List<String> cells) {
        return row.method() + "," + row.pattern() + "," + row.scope() + "," + String.join(",", cells);
    }

    static void write(Map<Row, List<String>> actual) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header()));
        actual.forEach((row, cells) -> lines.add(line(row, cells)));
        Files.createDirectories(TABLE.getParent());
        Files.write(TABLE, lines, StandardCharsets.UTF_8);
    }

    static void compare(Map<Row, List<String>> expected, Map<Row, List<String>> actual) {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        actual.forEach((row, cells) -> {
            List<String> want = expected.get(row);
            if (want == null) {
                missing.add(line(row, cells));
                return;
            }
            for (int i = 0; i < PRINCIPALS.size(); i++) {
                String w = i < want.size() ? want.get(i) : "?";
                if (!w.equals(cells.get(i))) {
                    differences.add(String.format("%-70s %-20s expected %-5s was %s", row.key(), PRINCIPALS.get(i), w,
                            cells.get(i)));
                }
            }
        });
        expected.keySet().stream().filter(row -> !actual.containsKey(row)).forEach(row -> stale.add(row.key()));
        StringBuilder report = new StringBuilder();
        if (!missing.isEmpty()) {
            report.append("\nEndpoints without a row in ").append(TABLE).append(": review and add these rows (observed "
                    + "outcomes; correct any the product does not intend):\n").append(String.join("\n", missing));
        }
        if (!stale.isEmpty()) {
            report.append("\nRows for endpoints that no longer exist; remove them:\n").append(String.join("\n", stale));
        }
        if (!differences.isEmpty()) {
            report.append("\nOutcomes that differ from the reviewed table:\n").append(String.join("\n", differences));
        }
        assertThat(report.toString()).as("permission matrix").isEmpty();
    }

    // ---------------------------------------------------------------- requests

    MockHttpServletResponse api(HttpMethod method, String url, String token, Object body, int expected) throws Exception {
        var request = request(method, url).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return perform(request, expected);
    }

    /** Each request from its own documentation address, so no rate limit of a shared address is spent here. */
    MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        int n = address.incrementAndGet();
        request.with(r -> {
            r.setRemoteAddr("198.51." + (n / 250 % 250) + "." + (n % 250 + 1));
            return r;
        });
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException e) {
            // an exception nobody handled: the real server answers 500
            response = new MockHttpServletResponse();
            response.setStatus(500);
        }
        if (expected != 0) {
            assertThat(response.getStatus()).as("fixture request: %s", response.getContentAsString())
                    .isEqualTo(expected);
        }
        return response;
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
