package vn.childguard.intelligence.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The graph queries on 100,000 entities and 1,000,000 links, on H2 and PostgreSQL: not a test (no
 * {@code Tests} suffix, so {@code ./mvnw verify} never runs it). Run it by hand, see
 * {@code docs/benchmarks.md} ("Intelligence graph"):
 * <pre>
 *   java -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp.txt) \
 *        vn.childguard.intelligence.internal.GraphBenchmark [jdbc-url user password]
 * </pre>
 * Without arguments it uses an in-memory H2 database in PostgreSQL mode. It creates the intelligence
 * tables from the migration, fills them (seed 7: endpoints drawn with a squared-uniform skew so that
 * some entities are hubs, as in real networks; 10% of entities shared with a second unit), then times
 * expansion (1, 2, 3 steps, cap 300 entities) and shortest path (bidirectional BFS, at most 6 links)
 * from random entities, as the anti-trafficking unit (sees all) and as another unit (needs sharing).
 */
public final class GraphBenchmark {

    /** The benchmark is a console report read by people, so it goes to standard output. */
    private static final java.io.PrintStream REPORT = System.out;

    static final int ENTITIES = 100_000;
    static final int LINKS = 1_000_000;
    static final int RUNS = 40;
    static final String[] TYPES = {"MEMBER_OF", "RECRUITED", "CALLED", "PAID", "USES", "ASSOCIATE_OF"};

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        String user = args.length > 1 ? args[1] : "sa";
        String password = args.length > 2 ? args[2] : "";
        int entities = Integer.getInteger("entities", ENTITIES);
        int links = Integer.getInteger("links", LINKS);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, password, true);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (url.startsWith("jdbc:postgresql")) {
                s.execute("drop schema if exists intel_bench cascade");
                s.execute("create schema intel_bench");
                s.execute("set search_path to intel_bench");
            }
            String sql = Files.readString(Path.of("app/src/main/resources/db/migration/V50__intelligence.sql"),
                    StandardCharsets.UTF_8);
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            long t0 = System.nanoTime();
            fill(c, entities, links);
            if (url.startsWith("jdbc:postgresql")) {
                s.execute("analyze");
            }
            REPORT.printf("%s: generated %,d entities and %,d links in %.1f s%n", url.replaceAll("\\?.*", ""),
                    entities, links, (System.nanoTime() - t0) / 1e9);
        }
        JdbcClient jdbc = JdbcClient.create(ds);
        IntelligenceStore store = new IntelligenceStore(jdbc);
        Graph.Neighbourhood all = neighbourhood(store, null);
        Graph.Neighbourhood shared = neighbourhood(store, "CA-PA08");
        Random random = new Random(11);
        // warm up
        for (int i = 0; i < 20; i++) {
            Graph.expand(all, 1 + random.nextInt(entities), 2, Graph.Filter.all(), 300);
        }
        for (int steps = 1; steps <= 3; steps++) {
            report("expand " + steps + " step(s), all types", time(random, entities, (a, b) ->
                    Graph.expand(all, a, (int) b, Graph.Filter.all(), 300).depth().size(), steps));
        }
        report("expand 2 steps, CALLED+PAID only, 2025-2026", time(random, entities, (a, b) ->
                Graph.expand(all, a, 2, new Graph.Filter(Set.of("CALLED", "PAID"), LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 31)), 300).depth().size(), 2));
        report("expand 2 steps as another unit (shared only)", time(random, entities, (a, b) ->
                Graph.expand(shared, a, 2, Graph.Filter.all(), 300).depth().size(), 2));
        report("shortest path (≤6 links), all types", time(random, entities, (a, b) ->
                Graph.shortestPath(all, a, b, Graph.Filter.all(), 6, 50_000).nodes().size(), 0));
        report("shortest path (≤6 links), CALLED only", time(random, entities, (a, b) ->
                Graph.shortestPath(all, a, b, new Graph.Filter(Set.of("CALLED"), null, null), 6, 50_000).nodes().size(),
                0));
        long t = System.nanoTime();
        List<long[]> top = store.mostConnected(null, 20);
        REPORT.printf("most connected (top 20 by degree, whole graph): %.0f ms, top degree %d%n",
                (System.nanoTime() - t) / 1e6, top.getFirst()[1]);
        ds.destroy();
    }

    interface Query {
        int run(long a, long b);
    }

    private static void report(String name, double[] ms) {
        java.util.Arrays.sort(ms);
        REPORT.printf("%-48s median %7.1f ms  p90 %7.1f ms  max %7.1f ms%n", name, ms[ms.length / 2],
                ms[(int) (ms.length * 0.9)], ms[ms.length - 1]);
    }

    private static double[] time(Random random, int entities, Query query, int steps) {
        double[] ms = new double[RUNS];
        long found = 0;
        for (int i = 0; i < RUNS; i++) {
            long a = 1 + random.nextInt(entities);
            long b = 1 + random.nextInt(entities);
            long t = System.nanoTime();
            // for an expansion the second argument is the number of steps
            int size = query.run(a, steps > 0 ? steps : b);
            ms[i] = (System.nanoTime() - t) / 1e6;
            found += size;
        }
        REPORT.printf("  (average result size %.1f)%n", (double) found / RUNS);
        return ms;
    }

    private static Graph.Neighbourhood neighbourhood(IntelligenceStore store, String agency) {
        return new Graph.Neighbourhood() {
            @Override
            public List<Graph.Edge> edges(Collection<Long> ids, Graph.Filter filter) {
                return store.edges(ids, filter);
            }

            @Override
            public Set<Long> visible(Collection<Long> ids) {
                return agency == null ? Set.copyOf(ids) : store.visibleTo(agency, ids);
            }

            @Override
            public List<Graph.Edge> edgesAmong(Collection<Long> ends, Collection<Long> all, Graph.Filter filter) {
                return store.edgesAmong(ends, all, filter);
            }
        };
    }

    private static void fill(Connection c, int entities, int links) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        Random random = new Random(7);
        Timestamp now = Timestamp.from(Instant.parse("2026-11-28T00:00:00Z"));
        try (PreparedStatement e = c.prepareStatement("insert into intel_entity (id, kind, label, owner_agency, "
                + "created_by, created_at, unit_code) values (?,?,?,?,?,?,?)");
             PreparedStatement sh = c.prepareStatement("insert into intel_entity_share (entity_id, agency_code, "
                     + "shared_by, shared_at) values (?,?,?,?)")) {
            String[] kinds = {"PERSON", "PERSON", "PERSON", "PHONE", "ORGANISATION", "BANK_ACCOUNT", "VEHICLE", "PLACE"};
            for (int i = 1; i <= entities; i++) {
                e.setLong(1, i);
                e.setString(2, kinds[random.nextInt(kinds.length)]);
                e.setString(3, "v1:bench");
                e.setString(4, "CA-PC02");
                e.setString(5, "bench");
                e.setTimestamp(6, now);
                e.setString(7, String.valueOf(25000 + random.nextInt(1000)));
                e.addBatch();
                if (random.nextInt(10) == 0) {
                    sh.setLong(1, i);
                    sh.setString(2, "CA-PA08");
                    sh.setString(3, "bench");
                    sh.setTimestamp(4, now);
                    sh.addBatch();
                }
                if (i % 5000 == 0) {
                    e.executeBatch();
                    sh.executeBatch();
                }
            }
            e.executeBatch();
            sh.executeBatch();
        }
        try (PreparedStatement l = c.prepareStatement("insert into intel_link (id, from_id, to_id, link_type, "
                + "observed_on, source_kind, reliability, credibility, created_by, created_at) "
                + "values (?,?,?,?,?,?,?,?,?,?)")) {
            LocalDate start = LocalDate.of(2022, 1, 1);
            for (int i = 1; i <= links; i++) {
                long from = skewed(random, entities);
                long to = skewed(random, entities);
                if (to == from) {
                    to = from % entities + 1;
                }
                l.setLong(1, i);
                l.setLong(2, from);
                l.setLong(3, to);
                l.setString(4, TYPES[random.nextInt(TYPES.length)]);
                l.setDate(5, Date.valueOf(start.plusDays(random.nextInt(1800))));
                l.setString(6, "REPORT");
                l.setString(7, "C");
                l.setString(8, "3");
                l.setString(9, "bench");
                l.setTimestamp(10, now);
                l.addBatch();
                if (i % 10_000 == 0) {
                    l.executeBatch();
                    c.commit();
                }
            }
            l.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    /** Entity ids skewed towards the low end: the lowest ids are hubs, most entities have a few links. */
    private static long skewed(Random random, int entities) {
        double u = random.nextDouble();
        return 1 + (long) (entities * u * u);
    }
}
