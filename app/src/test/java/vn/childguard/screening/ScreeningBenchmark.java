package vn.childguard.screening;

import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.childguard.ChildGuardApplication;
import vn.childguard.intelligence.Watchlist;
import vn.childguard.intelligence.WatchlistEntry;
import vn.childguard.matching.Identity;
import vn.childguard.matching.SyntheticIdentities;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.screening.internal.BatchService;
import vn.childguard.screening.internal.ExitDayGenerator;
import vn.childguard.screening.internal.WatchlistIndex;

/**
 * End-to-end batch benchmark, not part of the build: N exit records (default 1,000,000) against a
 * synthetic watchlist (default 100,000 entries): parse, validate, store, match, rules, store alerts.
 * See docs/benchmarks.md ("Border-exit screening") for the command. Arguments:
 * {@code h2|postgres [records] [entries]}; for PostgreSQL set -Dspring.datasource.url/username/password.
 */
public final class ScreeningBenchmark {

    /** The benchmark is a console report read by people, so it goes to standard output. */
    private static final java.io.PrintStream REPORT = System.out;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        // a system property, as application.yaml's server.port (${PORT:8080}) outranks the builder's default properties
        System.setProperty("server.port", "0");
        Path dir = Files.createTempDirectory("screening-bench");
        if (db.equals("h2")) {
            // an H2 file database, as the application's default
            // -Dbench.h2.options=";CACHE_SIZE=262144" tries H2 settings (KB of page cache) without changing the code
            System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + System.getProperty("bench.h2.options", ""));
        } else if (db.equals("h2mem")) {
            System.setProperty("spring.datasource.url", "jdbc:h2:mem:screening-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        Path file = dir.resolve("exits.csv");
        long g0 = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ExitDayGenerator.write(w, LocalDate.of(2026, 11, 28), records, 7, "BN");
        }
        REPORT.printf("generated %,d bytes in %.1f s%n", Files.size(file), (System.nanoTime() - g0) / 1e9);

        List<WatchlistEntry> watchlist = new java.util.ArrayList<>();
        long id = 1_000_000;
        for (Identity i : new SyntheticIdentities(42).watchlist(entries)) {
            watchlist.add(new WatchlistEntry(id++, null, List.of(i.fullName()), i.birthDate().isKnown() ? List.of(i.birthDate().toString())
                    : List.of(), i.sex().name().substring(0, 1).replace("U", ""), i.documents(), i.nationality(), "MEDIUM",
                    LocalDate.of(2099, 1, 1)));
        }
        Watchlist big = () -> watchlist;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ChildGuardApplication.class)
                .profiles("demo", "test")
                .properties("server.port=0", "spring.flyway.clean-disabled=false", "logging.level.root=WARN")
                .initializers(c -> c.getBeanFactory().registerSingleton("benchmarkWatchlist", big))
                .run();
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            var user = new CurrentUser(99, "exit.officer", "bench", 1, "CA-PA08", "", "", "72", Set.of(Role.SCREENING_OFFICER));
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                    List.of(new SimpleGrantedAuthority("ROLE_SCREENING_OFFICER"))) {
                @Override
                public String getName() {
                    return "exit.officer";
                }
            });
            WatchlistIndex index = ctx.getBean(WatchlistIndex.class);
            index.invalidate();
            long i0 = System.nanoTime();
            int size = index.index().size();
            REPORT.printf("watchlist index: %,d identities in %.1f s%n", size, (System.nanoTime() - i0) / 1e9);
            BatchService batches = ctx.getBean(BatchService.class);
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            BatchService.Upload upload;
            try (InputStream in = Files.newInputStream(file)) {
                upload = batches.upload("exits.csv", in, user, false);
            }
            long t1 = System.nanoTime();
            if (!upload.errors().isEmpty()) {
                throw new IllegalStateException("rejected: " + upload.errors().subList(0, Math.min(5, upload.errors().size())));
            }
            batches.process(upload.batchId(), Integer.MAX_VALUE);
            long t2 = System.nanoTime();
            var b = batches.find(upload.batchId()).orElseThrow();
            long heap = peakHeap();
            REPORT.printf("database %s, records %,d, watchlist %,d entries%n", db, b.total(), entries);
            REPORT.printf("spool + validate: %.1f s; store + screen: %.1f s; total %.1f s (%,.0f records/s)%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, b.total() / ((t2 - t0) / 1e9));
            REPORT.printf("alerts %,d (%.2f per 1,000), status %s; peak heap used %,d MB (max %,d MB)%n", b.alerts(),
                    b.alerts() * 1000.0 / b.total(), b.status(), heap / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
            REPORT.println("rows stored: " + jdbc.queryForObject("select count(*) from screening_record where batch_id = ?",
                    Long.class, upload.batchId()));
        } finally {
            ctx.close();
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
