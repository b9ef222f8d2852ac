package vn.childguard.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.ChildGuardApplication;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.reporting.internal.Dashboards;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.reporting.internal.Statistics;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Dashboard benchmark, not part of the build: N generated cases (default 100,000; 60 % child
 * protection, 40 % trafficking with encrypted HTCDS data) over ten years in Tây Ninh's communes, the
 * read model rebuilt once, then every dashboard's model and a statistics query timed (p50, p95, max).
 * See docs/benchmarks.md ("Reporting dashboards"). Arguments: {@code h2|postgres [cases] [rounds]};
 * for PostgreSQL set -Dspring.datasource.url/username/password (use your own database: Flyway cleans it).
 */
public final class DashboardBenchmark {

    /** The benchmark is a console report read by people, so it goes to standard output. */
    private static final java.io.PrintStream REPORT = System.out;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        if (db.equals("h2")) {
            System.setProperty("spring.datasource.url", "jdbc:h2:mem:reporting-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        // system properties outrank application.yaml (server.port: ${PORT:8080}); builder properties do not
        System.setProperty("server.port", "0");
        System.setProperty("childguard.reporting.refresh-initial-delay", "P1D");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ChildGuardApplication.class)
                .profiles("demo", "test")
                .properties("server.port=0", "spring.flyway.clean-disabled=false", "logging.level.root=WARN",
                        "childguard.reporting.refresh-initial-delay=P1D")
                .run();
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long g0 = System.nanoTime();
            long existing = jdbc.queryForObject("select count(*) from cp_case where opened_by = 'bench'", Long.class)
                    + jdbc.queryForObject("select count(*) from tc_case where created_by = 'bench'", Long.class);
            if (existing > 0) {
                // a PostgreSQL database keeps the cases of an earlier run: measure on them again
                REPORT.printf("reusing %,d generated cases%n", existing);
            } else {
                generate(jdbc, ctx.getBean(DataCipher.class), cases);
                REPORT.printf("generated %,d cases in %.1f s%n", cases, (System.nanoTime() - g0) / 1e9);
            }
            long r0 = System.nanoTime();
            int rows = ctx.getBean(ReadModel.class).refresh();
            REPORT.printf("read model rebuilt: %,d cases in %.1f s%n", rows, (System.nanoTime() - r0) / 1e9);

            Dashboards dashboards = ctx.getBean(Dashboards.class);
            Statistics statistics = ctx.getBean(Statistics.class);
            var leader = new CurrentUser(98, "leader", "bench", 1, "UBND-TINH", "", "", "80", Set.of(Role.LEADERSHIP_VIEWER));
            var coordinator = new CurrentUser(97, "police.coordinator", "bench", 1, "CA-TINH", "", "", "80",
                    Set.of(Role.PLAN_COORDINATOR, Role.LEADERSHIP_VIEWER));
            var worker = new CurrentUser(96, "health.caseworker", "bench", 1, "SYT", "", "", "80", Set.of(Role.CASE_WORKER));
            Locale vi = Locale.forLanguageTag("vi");
            Period quarter = Period.containing(Period.Kind.QUARTER, LocalDate.now(VIETNAM));
            Period year = Period.containing(Period.Kind.YEAR, LocalDate.now(VIETNAM));
            REPORT.printf("%-28s %8s %8s %8s%n", "dashboard", "p50 ms", "p95 ms", "max ms");
            if (Boolean.getBoolean("parts")) {
                var plans = ctx.getBean(vn.childguard.planning.PlanProgress.class);
                var figures = ctx.getBean(vn.childguard.intelligence.ProceedingFigures.class);
                var screening = ctx.getBean(vn.childguard.screening.ScreeningFigures.class);
                var labels = ctx.getBean(vn.childguard.reporting.internal.Labels.class);
                time("part: plans", rounds, () -> plans.on(LocalDate.now(VIETNAM)));
                time("part: programme", rounds, () -> figures.programme(quarter.start(), quarter.end()));
                time("part: screening", rounds, () -> screening.alertsByStatus(quarter.start(), quarter.end()));
                time("part: map", rounds, () -> dashboards.communeMap(java.util.Map.of("25486", 3L), vi, null));
                time("part: breakdown dest", rounds, () -> dashboards.breakdown(Statistics.Query.of(
                        Statistics.Population.VICTIMS, quarter.start(), quarter.end(), Statistics.Dimension.DESTINATION),
                        "victims", vi, c -> null));
                time("part: label country", rounds, () -> labels.of(Statistics.Dimension.DESTINATION, "GB", vi));
                time("part: total people", rounds, () -> statistics.total(new Statistics.Query(Statistics.Population.VICTIMS,
                        Statistics.Measure.PEOPLE, quarter.start(), quarter.end(), java.util.Map.of(), Statistics.Dimension.KIND)));
            }
            time("leadership (quarter)", rounds, () -> dashboards.leadership(leader, quarter, vi));
            time("leadership (year)", rounds, () -> dashboards.leadership(leader, year, vi));
            time("police (year)", rounds, () -> dashboards.police(coordinator, year, vi));
            time("casework (agency SYT)", rounds, () -> dashboards.casework(worker, vi));
            time("statistics: 10 years by commune", rounds, () -> statistics.count(Statistics.Query.of(
                    Statistics.Population.ALL_CASES, LocalDate.now().minusYears(10), LocalDate.now(),
                    Statistics.Dimension.COMMUNE)));
            time("statistics: victims by destination", rounds, () -> statistics.count(Statistics.Query.of(
                    Statistics.Population.VICTIMS, null, null, Statistics.Dimension.DESTINATION)));
        } finally {
            ctx.close();
        }
    }

    private static void time(String name, int rounds, Supplier<?> work) {
        for (int i = 0; i < Math.max(5, rounds / 10); i++) {
            work.get();
        }
        long[] ms = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        REPORT.printf("%-28s %8d %8d %8d%n", name, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1], ms[rounds - 1]);
    }

    /** People, child-protection cases with deadlines and trafficking cases, over ten years. */
    static void generate(JdbcTemplate jdbc, DataCipher cipher, int cases) {
        Random random = new Random(7);
        List<String> communes = jdbc.queryForList("select code from admin_unit where code like '25%' and length(code) = 5",
                String.class);
        if (communes.isEmpty()) {
            communes = List.of("25486", "25516");
        }
        String[] agencies = {"SYT", "UBND-25486", "CA-PC02", "SNGV"};
        String[] forms = {"SEXUAL", "FORCED_LABOUR", "FORCED_CRIMINALITY", "DOMESTIC_SERVITUDE", "BEGGING"};
        String[] countries = {"GB", "DE", "FR", "CN", "KH", "MY", "TW", "JP"};
        String[] returns = {"SELF_RETURNED", "RESCUED", "REPATRIATED"};
        String[] cpStatuses = {"REPORTED", "INITIAL_ASSESSMENT", "NEEDS_ASSESSMENT", "PLAN_APPROVED", "IMPLEMENTATION", "CLOSED"};
        String[] tcStatuses = {"RECEIVED", "UNDER_VERIFICATION", "IDENTIFIED", "SUPPORTED", "NOT_A_VICTIM", "CLOSED"};
        JsonMapper json = JsonMapper.builder().build();
        LocalDate today = LocalDate.now(VIETNAM);
        long firstPerson = jdbc.queryForObject("select coalesce(max(id), 0) from person", Long.class) + 1;
        List<Object[]> people = new ArrayList<>();
        var now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        String name = cipher.encrypt("Benchmark");
        for (int i = 0; i < cases; i++) {
            int age = random.nextInt(30) + 5;
            people.add(new Object[]{firstPerson + i, name, (today.getYear() - age) + "-0" + (1 + random.nextInt(9)) + "-15",
                    random.nextBoolean() ? "F" : "M", "VN", now, now});
        }
        batch(jdbc, "insert into person (id, full_name, birth_date, sex, nationality, registered_by, registering_agency, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'bench', 'SYT', ?, ?)", people);
        jdbc.execute("alter table person alter column id restart with " + (firstPerson + cases));
        List<Object[]> cp = new ArrayList<>();
        List<Object[]> tc = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            var opened = today.minusDays(random.nextInt(3650)).atTime(9, 0).atZone(VIETNAM).toOffsetDateTime();
            String commune = communes.get(random.nextInt(communes.size()));
            if (i % 5 < 3) {
                cp.add(new Object[]{"BENCH-CP-" + i, firstPerson + i, agencies[random.nextInt(agencies.length)], commune,
                        cpStatuses[random.nextInt(cpStatuses.length)], opened, opened});
            } else {
                String status = tcStatuses[random.nextInt(tcStatuses.length)];
                String data = json.writeValueAsString(java.util.Map.of(
                        "exploitationTypes", List.of(forms[random.nextInt(forms.length)]),
                        "destinationCountries", List.of(countries[random.nextInt(countries.length)]),
                        "returnMode", returns[random.nextInt(returns.length)]));
                tc.add(new Object[]{"BENCH-TC-" + i, firstPerson + i, status, commune,
                        cipher.encrypt((today.getYear() - 20) + "-01-01"), opened,
                        "IDENTIFIED".equals(status) || "SUPPORTED".equals(status) ? opened.plusDays(3) : null,
                        cipher.encrypt(data)});
            }
        }
        batch(jdbc, "insert into cp_case (reference, child_person_id, owning_agency_code, unit_code, status, received_at, "
                + "opened_at, opened_by) values (?, ?, ?, ?, ?, ?, ?, 'bench')", cp);
        batch(jdbc, "insert into tc_case (reference, person_id, status, lead_agency_code, partner_agency_code, "
                + "reporting_agency_code, unit_code, birth_date, reported_at, identified_at, case_data, created_by) "
                + "values (?, ?, ?, 'SYT', 'CA-TINH', 'SYT', ?, ?, ?, ?, ?, 'bench')", tc);
        jdbc.update("insert into case_deadline (case_id, kind, due_at, created_at) select id, 'SUPPORT_PLAN', "
                + "opened_at + interval '7' day, opened_at from cp_case where opened_by = 'bench' and status = 'REPORTED'");
    }

    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private DashboardBenchmark() {
    }
}
