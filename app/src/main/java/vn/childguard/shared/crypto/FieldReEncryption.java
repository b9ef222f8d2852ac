package vn.childguard.shared.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites encrypted fields under the keyset's primary key while the application runs, so an old key
 * can be removed (docs/operations.md, key rotation). Text columns are found by their content (every
 * character column of the schema holding {@code v1:}/{@code v2:} values); byte columns cannot be
 * recognised that way and are listed in {@link #SEALED_BYTES}. Rows are read in primary-key order in
 * small batches, each batch locked ({@code for update}) and rewritten in its own transaction, so users
 * keep working and a stopped run simply continues on the next one: values already under the primary
 * are skipped. The audit log is left alone: rewriting it would break its hash chain, and it holds no
 * encrypted values.
 */
@Component
public class FieldReEncryption {

    private static final Logger log = LoggerFactory.getLogger(FieldReEncryption.class);
    /** Encrypted byte columns (attachments, evidence, photos): table and column. */
    static final List<List<String>> SEALED_BYTES = List.of(
            List.of("report_attachment", "content"),
            List.of("case_attachment", "content"),
            List.of("prevention_activity", "evidence"),
            List.of("person", "photo"));
    private static final Set<String> SKIPPED_TABLES = Set.of("audit_event", "flyway_schema_history", "shedlock");
    /** Shorter columns cannot hold a ciphertext: {@code v1:} and the base64 of an IV and a tag. */
    private static final int MIN_CIPHERTEXT_LENGTH = 43;
    private static final int BYTES_BATCH = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DataCipher cipher;
    private final int batchSize;

    FieldReEncryption(DataSource dataSource, DataCipher cipher,
                      @Value("${childguard.crypto.reencrypt-batch:200}") int batchSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.cipher = cipher;
        this.batchSize = batchSize;
    }

    /** What a run did: values rewritten, and values no key of the set could open (left as they are). */
    public record Result(long rewritten, long unreadable, Map<String, Long> rewrittenByColumn) {
    }

    /** While the keyset holds older keys, moves their values to the primary key; one node at a time. */
    @Scheduled(initialDelayString = "${childguard.crypto.reencrypt-initial-delay:PT2M}",
            fixedDelayString = "${childguard.crypto.reencrypt-interval:PT1H}")
    @SchedulerLock(name = "field-reencryption", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    public void scheduled() {
        if (cipher.keyCount() < 2) {
            return;
        }
        Result result = run(cipher);
        if (result.rewritten() == 0 && result.unreadable() == 0) {
            log.info("Field re-encryption: every encrypted value is under key {}; older keys can be removed",
                    cipher.primaryKeyId());
        } else {
            log.warn("Field re-encryption: {} value(s) rewritten under key {}, {} unreadable; runs again until none is left",
                    result.rewritten(), cipher.primaryKeyId(), result.unreadable());
        }
    }

    /** One pass over every encrypted column: values not under {@code target}'s primary key are rewritten. */
    public Result run(DataCipher target) {
        Map<String, Long> byColumn = new java.util.TreeMap<>();
        long[] unreadable = {0};
        for (List<String> column : textColumns()) {
            long n = rewrite(column.get(0), column.get(1), true, target, unreadable);
            if (n > 0) {
                byColumn.put(column.get(0) + "." + column.get(1), n);
            }
        }
        for (List<String> column : SEALED_BYTES) {
            long n = rewrite(column.get(0), column.get(1), false, target, unreadable);
            if (n > 0) {
                byColumn.put(column.get(0) + "." + column.get(1), n);
            }
        }
        return new Result(byColumn.values().stream().mapToLong(Long::longValue).sum(), unreadable[0], byColumn);
    }

    /** Character columns of the schema's tables that hold at least one encrypted value. */
    List<List<String>> textColumns() {
        return textColumns(jdbc);
    }

    static List<List<String>> textColumns(JdbcTemplate jdbc) {
        List<List<String>> candidates = jdbc.query("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema and t.table_type = 'BASE TABLE'
                  and upper(c.data_type) in ('CHARACTER VARYING', 'TEXT', 'CHARACTER LARGE OBJECT')
                  and (c.character_maximum_length is null or c.character_maximum_length >= ?)
                order by c.table_name, c.column_name""",
                (rs, i) -> List.of(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase()),
                MIN_CIPHERTEXT_LENGTH);
        return candidates.stream()
                .filter(c -> !SKIPPED_TABLES.contains(c.get(0)))
                .filter(c -> Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + q(c.get(0))
                        + " where " + q(c.get(1)) + " like 'v_:%')", Boolean.class)))
                .toList();
    }

    /** How many encrypted values a database holds and how many of them the keyset cannot open. */
    public record Readability(long values, long unreadable) {
    }

    /**
     * Opens every encrypted value of a database (any data source, e.g. a restored copy) with the keyset,
     * without changing anything: after a restore, proof that the backed-up keys match the data.
     */
    public static Readability check(JdbcTemplate jdbc, DataCipher cipher) {
        long[] counts = {0, 0};
        for (List<String> column : textColumns(jdbc)) {
            jdbc.query("select " + q(column.get(1)) + " from " + q(column.get(0)) + " where " + q(column.get(1))
                    + " like 'v_:%'", rs -> {
                counts[0]++;
                counts[1] += opens(() -> cipher.decrypt(rs.getString(1))) ? 0 : 1;
            });
        }
        for (List<String> column : SEALED_BYTES) {
            jdbc.query("select " + q(column.get(1)) + " from " + q(column.get(0)) + " where " + q(column.get(1))
                    + " is not null", rs -> {
                counts[0]++;
                counts[1] += opens(() -> cipher.open(rs.getBytes(1))) ? 0 : 1;
            });
        }
        return new Readability(counts[0], counts[1]);
    }

    private interface Opening {
        Object open() throws java.sql.SQLException;
    }

    private static boolean opens(Opening opening) throws java.sql.SQLException {
        try {
            opening.open();
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            // counted by the caller: the value needs a key the set does not hold
            return false;
        }
    }

    private long rewrite(String table, String column, boolean text, DataCipher target, long[] unreadable) {
        List<String> key = primaryKey(table);
        if (key.isEmpty()) {
            throw new IllegalStateException("Table " + table + " holds encrypted values but has no primary key");
        }
        String keyList = key.stream().map(FieldReEncryption::q).collect(Collectors.joining(", "));
        String filter = text ? q(column) + " like 'v_:%' and " + q(column) + " not like 'v2:" + target.primaryKeyId() + ":%'"
                : q(column) + " is not null";
        String marks = key.stream().map(k -> "?").collect(Collectors.joining(", "));
        String after = "(" + keyList + ") > (" + marks + ")";
        // the batch is a range of the primary key first (an index scan of n rows), then the range's rows
        // to rewrite: filtering and limiting in one query made PostgreSQL sort the whole rest of the table
        String range = "select " + keyList + " from " + q(table) + " where {after} order by " + keyList + " limit "
                + (text ? batchSize : BYTES_BATCH);
        String select = "select " + keyList + ", " + q(column) + " from " + q(table) + " where " + filter
                + " and {after} (" + keyList + ") <= (" + marks + ") order by " + keyList + " for update";
        String update = "update " + q(table) + " set " + q(column) + " = ? where "
                + key.stream().map(k -> q(k) + " = ?").collect(Collectors.joining(" and "));
        long rewritten = 0;
        Object[] last = null;
        while (true) {
            Object[] from = last;
            List<Object[]> keys = jdbc.query(range.replace("{after}", from == null ? "1 = 1" : after),
                    (rs, i) -> keyOf(rs, key.size()), from == null ? new Object[0] : from);
            if (keys.isEmpty()) {
                return rewritten;
            }
            Object[] upper = keys.getLast();
            List<Object> args = new ArrayList<>(from == null ? List.of() : List.of(from));
            args.addAll(List.of(upper));
            Batch batch = tx.execute(status -> rewriteBatch(select.replace("{after}", from == null ? "" : after + " and"),
                    args.toArray(), key.size(), update, text, target));
            rewritten += batch.rewritten();
            unreadable[0] += batch.unreadable();
            last = upper;
        }
    }

    private static Object[] keyOf(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        Object[] key = new Object[columns];
        for (int c = 0; c < columns; c++) {
            key[c] = rs.getObject(c + 1);
        }
        return key;
    }

    private record Batch(int rewritten, int unreadable) {
    }

    private Batch rewriteBatch(String select, Object[] bounds, int keyColumns, String update, boolean text,
                               DataCipher target) {
        List<Object[]> rows = jdbc.query(select, (rs, i) -> {
            Object[] row = new Object[keyColumns + 1];
            for (int c = 0; c < keyColumns; c++) {
                row[c] = rs.getObject(c + 1);
            }
            row[keyColumns] = text ? rs.getString(keyColumns + 1) : rs.getBytes(keyColumns + 1);
            return row;
        }, bounds);
        List<Object[]> updates = new ArrayList<>();
        int unreadable = 0;
        for (Object[] row : rows) {
            Object value = row[keyColumns];
            Object sealed;
            try {
                if (text) {
                    sealed = target.encrypt(target.decrypt((String) value));
                } else if (target.isUnderPrimary((byte[]) value)) {
                    continue;
                } else {
                    sealed = target.seal(target.open((byte[]) value));
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                // counted and reported: such a value keeps its old key, which must then not be removed
                unreadable++;
                continue;
            }
            List<Object> args = new ArrayList<>();
            args.add(sealed);
            args.addAll(List.of(row).subList(0, keyColumns));
            updates.add(args.toArray());
        }
        // one round trip per batch: row-by-row updates made PostgreSQL 3x slower
        int rewritten = java.util.Arrays.stream(jdbc.batchUpdate(update, updates)).map(n -> n < 0 ? 1 : n).sum();
        return new Batch(rewritten, unreadable);
    }

    private List<String> primaryKey(String table) {
        return jdbc.queryForList("""
                select k.column_name from information_schema.table_constraints c
                join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema
                  and k.constraint_name = c.constraint_name and k.table_name = c.table_name
                where c.constraint_type = 'PRIMARY KEY' and c.table_schema = current_schema and lower(c.table_name) = ?
                order by k.ordinal_position""", String.class, table).stream().map(String::toLowerCase).toList();
    }

    private static String q(String identifier) {
        return '"' + identifier + '"';
    }
}
