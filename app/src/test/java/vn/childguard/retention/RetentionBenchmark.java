package vn.childguard.retention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.ChildGuardApplication;
import vn.childguard.retention.internal.NextMonthReport;
import vn.childguard.retention.internal.RetentionJob;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Retention job benchmark, not part of the build: N travel records (deleted) and N/5 closed
 * child-protection cases with their children (anonymised, then the people) dated 2000–2009, schedule
 * versions effective from 2000, the next-month report and the job run "on" 1 March 2011, timed. See
 * docs/benchmarks.md ("Retention job"). Arguments: {@code h2|postgres [records]}; for PostgreSQL set
 * -Dspring.datasource.url/username/password (use your own database: Flyway cleans it).
 */
public final class RetentionBenchmark {

    private static final java.io.PrintStream REPORT = System.out;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static void main(String[] args) {
        String db = args.length > 0 ? args[0] : "h2";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (db.equals("h2")) {
            System.setProperty("spring.datasource.url", "jdbc:h2:mem:retention-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        System.setProperty("server.port", "0");
        System.setProperty("childguard.reporting.refresh-initial-delay", "P1D");
        System.setProperty("childguard.retention.cron", "-");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ChildGuardApplication.class)
                .profiles("demo", "test")
                .properties("server.port=0", "spring.flyway.clean-disabled=false", "logging.level.root=WARN")
                .run();
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            DataCipher cipher = ctx.getBean(DataCipher.class);
            var old = LocalDateTime.of(2000, 6, 1, 9, 0).atZone(VIETNAM).toOffsetDateTime();
            for (String[] s : new String[][]{{"CP_CASE_CLOSED", "ANONYMISE", "120"}, {"SCREENING_RECORD", "DELETE", "12"}}) {
                jdbc.update("insert into retention_schedule (record_type, action, months, effective_from, basis, created_by, "
                        + "created_at) values (?, ?, ?, ?, 'bench', 'bench', ?)", s[0], s[1], Integer.parseInt(s[2]),
                        LocalDate.of(2000, 1, 1), old);
            }
            String agency = jdbc.queryForObject("select code from agency order by id fetch first 1 rows only", String.class);
            String unit = jdbc.queryForObject("select code from admin_unit where length(code) = 5 order by code "
                    + "fetch first 1 rows only", String.class);
            List<Object[]> travel = new ArrayList<>();
            String name = cipher.encrypt("Benchmark Traveller");
            for (int i = 0; i < records; i++) {
                travel.add(new Object[]{"BENCH-" + i, "K" + i, "K" + i, name, LocalDate.of(2009, 1, 1).plusDays(i % 300), old});
            }
            jdbc.batchUpdate("insert into screening_record (record_id, seq, traveller_key, traveller_prefix, full_name, travel_date, "
                    + "direction, created_at) values (?, 1, ?, ?, ?, ?, 'OUT', ?)", travel);
            long firstPerson = jdbc.queryForObject("select coalesce(max(id), 0) from person", Long.class) + 1;
            int cases = records / 5;
            List<Object[]> people = new ArrayList<>();
            List<Object[]> cp = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                people.add(new Object[]{firstPerson + i, name, "2005-04-17", unit, agency, old, old});
                cp.add(new Object[]{"BENCH-CP-" + i, firstPerson + i, agency, unit, old, old, old});
            }
            jdbc.batchUpdate("insert into person (id, full_name, birth_date, sex, nationality, unit_code, registered_by, "
                    + "registering_agency, created_at, updated_at) values (?, ?, ?, 'F', 'VN', ?, 'bench', ?, ?, ?)", people);
            jdbc.execute("alter table person alter column id restart with " + (firstPerson + cases));
            jdbc.batchUpdate("insert into cp_case (reference, child_person_id, owning_agency_code, unit_code, status, "
                    + "received_at, opened_at, opened_by, closed_at) values (?, ?, ?, ?, 'CLOSED', ?, ?, 'bench', ?)", cp);

            long r0 = System.nanoTime();
            NextMonthReport.Report report = ctx.getBean(NextMonthReport.class).forMonth(YearMonth.of(2011, 3));
            REPORT.printf("next-month report: %,d records in %.2f s%n", report.items().size(), (System.nanoTime() - r0) / 1e9);
            long j0 = System.nanoTime();
            Map<String, Integer> done = ctx.getBean(RetentionJob.class)
                    .apply(LocalDate.of(2011, 3, 1).atStartOfDay(VIETNAM).toInstant());
            double seconds = (System.nanoTime() - j0) / 1e9;
            int total = done.values().stream().mapToInt(Integer::intValue).sum();
            REPORT.printf("job: %s in %.1f s (%.0f records/s, people anonymised: %,d)%n", done, seconds, total / seconds,
                    jdbc.queryForObject("select count(*) from person where anonymised_at is not null", Long.class));
            long s0 = System.nanoTime();
            REPORT.printf("second run: %s in %.2f s%n", ctx.getBean(RetentionJob.class)
                    .apply(LocalDate.of(2011, 3, 1).atStartOfDay(VIETNAM).toInstant()), (System.nanoTime() - s0) / 1e9);
        } finally {
            ctx.close();
        }
    }

    private RetentionBenchmark() {
    }
}
