package vn.childguard.shared.crypto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.ChildGuardApplication;

/**
 * Key-rotation benchmark, not part of the build: N generated people (default 100,000), each with an
 * encrypted name, address and document number under the application's key; then the re-encryption job
 * moves every encrypted value of the database to a new primary key, and back. See docs/benchmarks.md
 * ("Key rotation"). Arguments: {@code h2|postgres [people]}; for PostgreSQL set
 * -Dspring.datasource.url/username/password (use your own database).
 */
public final class KeyRotationBenchmark {

    /** The benchmark is a console report read by people, so it goes to standard output. */
    private static final java.io.PrintStream REPORT = System.out;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (db.equals("h2")) {
            System.setProperty("spring.datasource.url", "jdbc:h2:mem:rotation-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        System.setProperty("server.port", "0");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ChildGuardApplication.class)
                .profiles("demo", "test").properties("server.port=0", "logging.level.root=WARN").run();
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            DataCipher a = ctx.getBean(DataCipher.class);
            FieldReEncryption job = ctx.getBean(FieldReEncryption.class);
            String keyA = java.nio.file.Files.readString(java.nio.file.Path.of(
                    ctx.getEnvironment().getProperty("childguard.data-dir"), "data-key")).strip();
            long g0 = System.nanoTime();
            generate(jdbc, a, people);
            REPORT.printf("generated %,d people in %.1f s%n", people, (System.nanoTime() - g0) / 1e9);

            long c0 = System.nanoTime();
            FieldReEncryption.Readability readable = FieldReEncryption.check(jdbc, a);
            REPORT.printf("--verify-keys: %,d values opened (%,d unreadable) in %.1f s%n", readable.values(),
                    readable.unreadable(), (System.nanoTime() - c0) / 1e9);

            String keyB = DataCipherTests.newKey();
            for (List<String> keys : List.of(List.of(keyB, keyA), List.of(keyA, keyB))) {
                long t0 = System.nanoTime();
                FieldReEncryption.Result result = job.run(DataCipher.of(keys, null));
                double s = (System.nanoTime() - t0) / 1e9;
                REPORT.printf("re-encryption to %s: %,d values in %.1f s (%,.0f values/s), %d unreadable%n",
                        DataCipher.of(keys, null).primaryKeyId(), result.rewritten(), s, result.rewritten() / s,
                        result.unreadable());
            }
            long n0 = System.nanoTime();
            FieldReEncryption.Result idle = job.run(a);
            REPORT.printf("a run with nothing to rewrite: %,d values in %.1f s%n", idle.rewritten(),
                    (System.nanoTime() - n0) / 1e9);
        } finally {
            ctx.close();
        }
    }

    private static void generate(JdbcTemplate jdbc, DataCipher cipher, int people) {
        Timestamp now = Timestamp.from(Instant.now());
        long first = jdbc.queryForObject("select coalesce(max(id), 0) from person", Long.class) + 1;
        for (int from = 0; from < people; from += 5_000) {
            List<Object[]> persons = new ArrayList<>();
            List<Object[]> documents = new ArrayList<>();
            for (int i = from; i < Math.min(people, from + 5_000); i++) {
                long id = first + i;
                persons.add(new Object[]{id, cipher.encrypt("Nguyễn Văn Thử " + i), cipher.encrypt("Ấp " + i + ", Tây Ninh"),
                        "bench", "BENCH", now, now});
                String number = String.format("0793%08d", i);
                documents.add(new Object[]{id, "CCCD", cipher.encrypt(number), cipher.keyedHash(number)});
            }
            jdbc.batchUpdate("insert into person (id, full_name, address_text, registered_by, registering_agency,"
                    + " created_at, updated_at) values (?,?,?,?,?,?,?)", persons);
            jdbc.batchUpdate("insert into person_document (person_id, kind, number, number_hash) values (?,?,?,?)",
                    documents);
        }
    }
}
