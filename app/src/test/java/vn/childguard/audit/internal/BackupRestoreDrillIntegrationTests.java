package vn.childguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.childguard.audit.AuditLog;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.crypto.FieldReEncryption;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.TestDatabase;

/**
 * The restore drill of docs/operations.md §3, on the leg's database: back up the running application's
 * database (PostgreSQL: {@code pg_dump -Fc} from the machine's client tools; H2: {@code SCRIPT}), restore
 * it into an empty database ({@code pg_restore}; {@code RUNSCRIPT}), and check the copy: every table has
 * the rows it had at the moment of the backup, every encrypted value opens with the keyset, and the
 * audit chain verifies.
 */
@ChildGuardIntegrationTest
class BackupRestoreDrillIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreDrillIntegrationTests.class);
    private static final String NAME = "Đặng Thị Sao Lưu";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataCipher cipher;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHasEveryRowOpensEveryValueAndItsAuditChainVerifies() throws Exception {
        Instant now = Instant.now();
        jdbc.update("insert into person (full_name, photo, photo_content_type, registered_by, registering_agency,"
                        + " created_at, updated_at) values (?,?,?,?,?,?,?)", cipher.encrypt(NAME),
                cipher.seal(NAME.getBytes(StandardCharsets.UTF_8)), "image/png", "restore.drill.test", "TEST",
                Timestamp.from(now), Timestamp.from(now));
        Path dir = Files.createDirectories(Path.of("target", "restore-drill"));
        try {
            if (TestDatabase.isPostgres()) {
                postgresDrill(dir);
            } else {
                h2Drill(dir);
            }
        } finally {
            jdbc.update("delete from person where registered_by = 'restore.drill.test'");
        }
    }

    private void h2Drill(Path dir) throws Exception {
        Path script = dir.resolve("childguard-h2.sql").toAbsolutePath();
        Map<String, Long> counted;
        try (Connection source = dataSource.getConnection()) {
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcTemplate snapshot = new JdbcTemplate(new SingleConnectionDataSource(source, true));
            counted = rowCounts(snapshot);
            snapshot.execute("SCRIPT TO '" + script + "'");
            source.commit();
        }
        String url = "jdbc:h2:mem:restore-drill-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource restored = new DriverManagerDataSource(url, "sa", "");
        JdbcTemplate copy = new JdbcTemplate(restored);
        try {
            assertThat(rowCounts(copy)).as("the restore target starts empty").isEmpty();
            copy.execute("RUNSCRIPT FROM '" + script + "'");
            checkCopy(counted, restored);
        } finally {
            copy.execute("SHUTDOWN");
            Files.deleteIfExists(script);
        }
    }

    private void postgresDrill(Path dir) throws Exception {
        String url = System.getProperty("spring.datasource.url");
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
        assertThat(m.matches()).as("PostgreSQL URL " + url).isTrue();
        String host = m.group(1);
        String port = m.group(2) == null ? "5432" : m.group(2);
        String db = m.group(3);
        String user = System.getProperty("spring.datasource.username");
        String password = System.getProperty("spring.datasource.password");
        if (!tool("pg_dump") || !tool("pg_restore")) {
            skip("pg_dump and pg_restore (Debian package postgresql-client) are not on the PATH");
        }
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select rolcreatedb from pg_roles where rolname = current_user",
                Boolean.class))) {
            skip("the role " + user + " may not create the drill's empty database (ALTER ROLE " + user
                    + " CREATEDB, as .ci/start-postgres.sh does)");
        }
        Path dump = dir.resolve("childguard.dump").toAbsolutePath();
        Map<String, Long> counted;
        // the rows are counted in the very snapshot pg_dump copies, so nothing written meanwhile can differ
        try (Connection source = dataSource.getConnection()) {
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcTemplate snapshot = new JdbcTemplate(new SingleConnectionDataSource(source, true));
            String snapshotId = snapshot.queryForObject("select pg_export_snapshot()", String.class);
            counted = rowCounts(snapshot);
            run(password, "pg_dump", "-Fc", "--snapshot=" + snapshotId, "-h", host, "-p", port, "-U", user, "-f",
                    dump.toString(), db);
            source.commit();
        }
        String drill = db + "_restore_drill";
        jdbc.execute("drop database if exists " + drill);
        jdbc.execute("create database " + drill + " encoding 'UTF8' template template0");
        DriverManagerDataSource restored = new DriverManagerDataSource(
                "jdbc:postgresql://" + host + ":" + port + "/" + drill, user, password);
        try {
            assertThat(rowCounts(new JdbcTemplate(restored))).as("the restore target starts empty").isEmpty();
            run(password, "pg_restore", "--no-owner", "--exit-on-error", "-h", host, "-p", port, "-U", user, "-d", drill,
                    dump.toString());
            checkCopy(counted, restored);
        } finally {
            jdbc.execute("drop database if exists " + drill + " with (force)");
            Files.deleteIfExists(dump);
        }
    }

    private void checkCopy(Map<String, Long> counted, DataSource restored) {
        JdbcTemplate copy = new JdbcTemplate(restored);
        assertThat(counted).containsKeys("person", "audit_event", "cp_case", "tc_case", "emergency_access");
        assertThat(rowCounts(copy)).as("rows per table after the restore").isEqualTo(counted);

        FieldReEncryption.Readability readable = FieldReEncryption.check(copy, cipher);
        assertThat(readable.values()).isPositive();
        assertThat(readable.unreadable()).as("encrypted values the keyset cannot open").isZero();
        assertThat(cipher.decrypt(copy.queryForObject("select full_name from person where registered_by = ?",
                String.class, "restore.drill.test"))).isEqualTo(NAME);
        assertThat(new String(cipher.open(copy.queryForObject("select photo from person where registered_by = ?",
                byte[].class, "restore.drill.test")), StandardCharsets.UTF_8)).isEqualTo(NAME);

        AuditLog.Verification chain = new JdbcAuditLog(copy, new DataSourceTransactionManager(restored),
                Clock.systemUTC()).verify();
        assertThat(chain.ok()).as("audit chain of the copy, first broken row " + chain.firstBrokenId()).isTrue();
        assertThat(chain.checked()).isEqualTo(counted.get("audit_event"));
        log.info("Restore drill: {} tables, {} rows, {} encrypted values opened, audit chain of {} rows verified",
                counted.size(), counted.values().stream().mapToLong(Long::longValue).sum(), readable.values(),
                chain.checked());
    }

    /** Rows of every table of the schema (Flyway's history included), by table name. */
    private static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select lower(table_name) from information_schema.tables where "
                + "table_schema = current_schema and table_type = 'BASE TABLE' order by 1", String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    private static boolean tool(String name) {
        try {
            return new ProcessBuilder(name, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String password, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", List.of(command).subList(0, 1)) + ": " + output).isZero();
    }

    /** A missing tool or right is skipped loudly, or fails when every leg is required (CI). */
    private static void skip(String why) {
        String message = "SKIPPED: PostgreSQL restore drill — " + why;
        if ("true".equalsIgnoreCase(System.getenv("CHILDGUARD_REQUIRE_ALL_LEGS"))) {
            throw new IllegalStateException("CHILDGUARD_REQUIRE_ALL_LEGS=true but " + message);
        }
        log.warn("\n{}\n{}\n{}", "*".repeat(100), message, "*".repeat(100));
        Assumptions.abort(message);
    }
}
