package vn.childguard.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;

/**
 * The batch pipeline. An upload is spooled to disk and every row validated before anything is
 * stored (a file with any error becomes a REJECTED batch with its errors and no record). Then, in
 * chunks, each in one transaction with the progress counter: the records are stored (phase 1, records
 * already stored by an earlier batch or the API are skipped: idempotent on {@code record_id}), and
 * screened (phase 2: alerts and the processed counter commit together). A crash loses at most the
 * chunk in flight, which is redone: no record is lost or screened twice. Each chunk transaction locks
 * the batch row and checks the progress it started from, so when two nodes resume the same batch
 * (after a node died, or a page on each node) they take turns chunk by chunk, and in phase 1 the one
 * that finds the batch moved on stops and leaves it to the other.
 */
@Service
public class BatchService {

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);
    static final int MAX_LISTED_ERRORS = 1000;

    public record Batch(long id, String fileName, String status, int total, int stored, int skipped, int processed, int alerts,
                        Integer ruleVersion, String createdBy, java.time.Instant createdAt, java.time.Instant finishedAt) {
        /** Rows done (screened here or already screened earlier), for the progress bar. */
        public int done() {
            return processed + skipped;
        }
    }

    public record Upload(long batchId, List<RowError> errors, int errorCount) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RecordStore records;
    private final AlertStore alerts;
    private final ScreeningEngine engine;
    private final RuleSetStore rules;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;
    private final Path spool;
    private final int chunkSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening-batches");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** When a batch last stopped on an error: it is not retried for a minute (no busy loop on a lasting fault). */
    private final Map<Long, java.time.Instant> failedAt = new ConcurrentHashMap<>();

    BatchService(JdbcTemplate jdbc, TransactionTemplate tx, RecordStore records, AlertStore alerts, ScreeningEngine engine,
                 RuleSetStore rules, AuditLog audit, Clock clock,
                 @Value("${childguard.screening.max-upload-bytes:209715200}") long maxBytes,
                 @Value("${childguard.screening.spool-dir:${java.io.tmpdir}/childguard-screening}") String spool,
                 @Value("${childguard.screening.chunk-size:1000}") int chunkSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.records = records;
        this.alerts = alerts;
        this.engine = engine;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.spool = Path.of(spool);
        this.chunkSize = chunkSize;
    }

    public long maxBytes() {
        return maxBytes;
    }

    // ------------------------------------------------------------------ upload and validation

    /** Spools, validates and (when valid) queues a file; {@code start} runs it in the background at once. */
    public Upload upload(String fileName, InputStream in, CurrentUser user, boolean start) {
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        if (name.length() > 300) {
            name = name.substring(name.length() - 300);
        }
        Path file;
        long size;
        try {
            Files.createDirectories(spool);
            file = Files.createTempFile(spool, "batch-", ".upload");
            size = copyAtMost(in, file, maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RowError> errors = new ArrayList<>();
        int[] count = {0};
        String kind = kindOf(name, file);
        if (size == 0) {
            errors.add(new RowError(0, null, "screening.error.empty", null));
        } else if (size > maxBytes) {
            errors.add(new RowError(0, null, "screening.error.tooLarge", String.valueOf(maxBytes / (1024 * 1024))));
        } else {
            count[0] = validate(file, kind, errors);
        }
        int errorCount = errors.size();
        String status = errors.isEmpty() ? "QUEUED" : "REJECTED";
        long id = insertBatch(name, kind, errors.isEmpty() ? file.toString() : null, status, count[0], user);
        if (!errors.isEmpty()) {
            deleteQuietly(file);
            List<RowError> listed = errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS));
            jdbc.batchUpdate("insert into screening_batch_error (batch_id, line_no, column_name, message_key, detail) values (?, ?, ?, ?, ?)",
                    listed.stream().map(e -> new Object[]{id, e.line(), e.column(), e.messageKey(), e.detail()}).toList());
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "screening_batch", id,
                        errors.isEmpty() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE)
                .withDetails(status + " rows " + count[0] + " errors " + errorCount));
        if (errors.isEmpty() && start) {
            submit(id);
        }
        return new Upload(id, errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS)), errorCount);
    }

    private static long copyAtMost(InputStream in, Path file, long limit) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static String kindOf(String name, Path file) {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return "XLSX";
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return "XLSX";
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "CSV";
    }

    /** Validates every row; returns the number of data rows. Duplicate ids are found with 64-bit hashes. */
    static int validate(Path file, String kind, List<RowError> errors) {
        int[] rows = {0};
        LongHashSet ids = new LongHashSet();
        Map<String, Integer> columns = new HashMap<>();
        boolean[] headerOk = {true};
        try {
            RowSource.read(file, kind, new RowSource.Handler() {
                @Override
                public void header(List<String> names) {
                    for (int i = 0; i < names.size(); i++) {
                        if (columns.putIfAbsent(names.get(i), i) != null) {
                            errors.add(new RowError(1, names.get(i), "screening.error.duplicateColumn", null));
                        }
                    }
                    for (String c : TravelRecord.COLUMNS) {
                        if (!columns.containsKey(c)) {
                            errors.add(new RowError(1, c, "screening.error.missingColumn", null));
                            headerOk[0] = false;
                        }
                    }
                }

                @Override
                public boolean row(int line, List<String> values) {
                    if (!headerOk[0]) {
                        return false;
                    }
                    rows[0]++;
                    if (values.size() > columns.size() && "CSV".equals(kind)) {
                        errors.add(new RowError(line, null, "screening.error.fieldCount", String.valueOf(columns.size())));
                    }
                    var result = RecordValidation.validate(line, c -> {
                        Integer i = columns.get(c);
                        return i == null || i >= values.size() ? null : values.get(i);
                    });
                    errors.addAll(result.errors());
                    if (result.record() != null && !ids.add(hash64(result.record().recordId()))) {
                        errors.add(new RowError(line, "record_id", "screening.error.duplicateId", null));
                    }
                    return errors.size() < 100_000;
                }
            });
        } catch (RowSource.FileProblem p) {
            errors.add(p.error());
        } catch (IOException e) {
            errors.add(new RowError(0, null, "screening.error.unreadable", null));
        }
        if (columns.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, null, "screening.error.noHeader", null));
        } else if (rows[0] == 0 && errors.isEmpty()) {
            errors.add(new RowError(2, null, "screening.error.noRows", null));
        }
        return rows[0];
    }

    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private long insertBatch(String name, String kind, String path, String status, int total, CurrentUser user) {
        var keys = new GeneratedKeyHolder();
        int version = rules.current().version();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into screening_batch (file_name, file_kind, spool_path, status, total_rows, "
                    + "rule_version, created_by, agency_code, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, name);
            ps.setString(2, kind);
            ps.setString(3, path);
            ps.setString(4, status);
            ps.setInt(5, total);
            ps.setInt(6, version);
            ps.setString(7, user.username());
            ps.setString(8, user.agencyCode());
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    // ------------------------------------------------------------------ reading

    public java.util.Optional<Batch> find(long id) {
        return jdbc.query("select id, file_name, status, total_rows, stored_rows, skipped_rows, processed_rows, alert_count, "
                + "rule_version, created_by, created_at, finished_at from screening_batch where id = ?", (rs, n) -> {
            Timestamp finished = rs.getTimestamp(12);
            int v = rs.getInt(9);
            return new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                    rs.getInt(7), rs.getInt(8), rs.wasNull() ? null : v, rs.getString(10), rs.getTimestamp(11).toInstant(),
                    finished == null ? null : finished.toInstant());
        }, id).stream().findFirst();
    }

    public List<Batch> recent(int limit) {
        List<Long> ids = jdbc.queryForList("select id from screening_batch order by id desc fetch first " + limit + " rows only",
                Long.class);
        return ids.stream().map(i -> find(i).orElseThrow()).toList();
    }

    public List<RowError> errors(long batchId) {
        return jdbc.query("select line_no, column_name, message_key, detail from screening_batch_error where batch_id = ? order by id",
                (rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)), batchId);
    }

    // ------------------------------------------------------------------ processing

    public void submit(long batchId) {
        if (running.add(batchId)) {
            executor.submit(() -> {
                try {
                    process(batchId, Integer.MAX_VALUE);
                } catch (RuntimeException e) {
                    failedAt.put(batchId, clock.instant());
                    log.error("Screening batch {} stopped; it resumes at its last chunk", batchId, e);
                } finally {
                    running.remove(batchId);
                }
            });
        }
    }

    /** Resumes batches left unfinished (e.g. by a restart) that no thread of this node is running. */
    public void resumePending() {
        for (Long id : jdbc.queryForList("select id from screening_batch where status in ('QUEUED', 'STORING', 'SCREENING')",
                Long.class)) {
            java.time.Instant failed = failedAt.get(id);
            if (failed == null || failed.isBefore(clock.instant().minusSeconds(60))) {
                submit(id);
            }
        }
    }

    /**
     * Runs at most {@code maxChunks} chunk transactions of the batch (both phases), then returns;
     * true when the batch is done. Running it again continues where it stopped.
     */
    public boolean process(long batchId, int maxChunks) {
        Map<String, Object> b = jdbc.queryForMap("select status, spool_path, file_kind, stored_rows, rule_version, created_by, "
                + "agency_code from screening_batch where id = ?", batchId);
        String status = (String) b.get("status");
        if ("DONE".equals(status) || "REJECTED".equals(status)) {
            return true;
        }
        RuleSet ruleSet = rules.version(((Number) b.get("rule_version")).intValue());
        int[] budget = {maxChunks};
        if (!"SCREENING".equals(status)) {
            jdbc.update("update screening_batch set status = 'STORING' where id = ?", batchId);
            if (!store(batchId, Path.of((String) b.get("spool_path")), (String) b.get("file_kind"),
                    ((Number) b.get("stored_rows")).intValue(), budget)) {
                return false;
            }
            analyzeRecords();
            jdbc.update("update screening_batch set status = 'SCREENING' where id = ?", batchId);
        }
        while (true) {
            if (budget[0]-- <= 0) {
                return false;
            }
            Boolean more = tx.execute(t -> {
                planForTheRowsThere();
                Map<String, Object> at = jdbc.queryForMap(
                        "select processed_seq, total_rows from screening_batch where id = ? for update", batchId);
                int after = ((Number) at.get("processed_seq")).intValue();
                int total = ((Number) at.get("total_rows")).intValue();
                if (after >= total) {
                    return false;
                }
                // a chunk is a range of row numbers (seq): an indexed range read, never a sort of the rest of the batch;
                // rows skipped in phase 1 (stored earlier) leave gaps, so a range may hold fewer rows, or none
                int upTo = (int) Math.min(total, (long) after + chunkSize);
                List<RecordStore.Stored> chunk = records.chunk(batchId, after, upTo);
                int added = chunk.isEmpty() ? 0 : alerts.insert(engine.screen(chunk, batchId, ruleSet), clock.instant());
                jdbc.update("update screening_batch set processed_seq = ?, processed_rows = processed_rows + ?, "
                        + "alert_count = alert_count + ? where id = ?", upTo, chunk.size(), added, batchId);
                return true;
            });
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        if (jdbc.update("update screening_batch set status = 'DONE', finished_at = ?, spool_path = null "
                + "where id = ? and status <> 'DONE'", Timestamp.from(clock.instant()), batchId) == 0) {
            return true; // finished by another node
        }
        deleteQuietly(Path.of((String) b.get("spool_path")));
        Map<String, Object> done = jdbc.queryForMap("select processed_rows, skipped_rows, alert_count from screening_batch where id = ?",
                batchId);
        audit.record(AuditEntry.of("SCREEN", "screening_batch", batchId, AuditEntry.Outcome.SUCCESS)
                .withActor((String) b.get("created_by"), (String) b.get("agency_code"))
                .withDetails("screened " + done.get("processed_rows") + " skipped " + done.get("skipped_rows")
                        + " alerts " + done.get("alert_count") + " rules v" + ruleSet.version()));
        return true;
    }

    /**
     * After a large load PostgreSQL's statistics still describe the table before it: its plans for
     * phase 2's booking-mates query (prepared, 500 parameters) then scan instead of using the index,
     * 0.5 s a query. Measured on 1,000,000 records: phase 2 went from ~470 to ~4,100 records/s after an
     * ANALYZE. H2 plans these queries from the index without statistics.
     */
    private void analyzeRecords() {
        try {
            if (postgres()) {
                jdbc.execute("analyze screening_record");
            }
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("Could not analyze screening_record; screening goes on: {}", e.getClass().getSimpleName());
        }
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
                    c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    /**
     * In a chunk's transaction on PostgreSQL: plan each statement for its parameters. The driver
     * prepares the chunk's statements once per connection and PostgreSQL then keeps a generic plan
     * made while {@code screening_record} was empty (a sequential scan), which a load of a million rows
     * never revisits when autovacuum is off or behind: the {@code record_id in (…)} look-up of phase 1
     * slowed to a second per chunk and falling.
     */
    private void planForTheRowsThere() {
        if (postgres()) {
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    /** Rows read and validated by the reader thread, handed to the storing thread; or the end, or what went wrong. */
    private record ReadChunk(List<TravelRecord> records, List<Integer> seqs, RuntimeException failure) {
        static final ReadChunk END = new ReadChunk(List.of(), List.of(), null);
    }

    /**
     * Phase 1: stores the rows after the first {@code alreadyStored}, a chunk per transaction. A reader
     * thread parses and validates the next chunks (at most two ahead) while this one encrypts and stores.
     */
    private boolean store(long batchId, Path file, String kind, int alreadyStored, int[] budget) {
        java.time.Instant now = clock.instant();
        var queue = new java.util.concurrent.ArrayBlockingQueue<ReadChunk>(2);
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("screening-reader-" + batchId).daemon()
                .start(() -> read(file, kind, alreadyStored, queue, cancelled));
        int[] position = {alreadyStored};
        try {
            while (true) {
                ReadChunk chunk = queue.take();
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
                if (chunk == ReadChunk.END) {
                    return true;
                }
                if (budget[0]-- <= 0) {
                    return false;
                }
                Boolean stored = tx.execute(t -> {
                    Integer storedSoFar = jdbc.queryForObject("select stored_rows from screening_batch where id = ? for update",
                            Integer.class, batchId);
                    if (storedSoFar == null || storedSoFar != position[0]) {
                        return false; // another node stored this chunk: it goes on with the batch
                    }
                    planForTheRowsThere();
                    List<TravelRecord> pending = chunk.records();
                    Set<String> existing = records.existing(pending.stream().map(TravelRecord::recordId).toList());
                    List<TravelRecord> fresh = new ArrayList<>();
                    List<Integer> freshSeqs = new ArrayList<>();
                    for (int i = 0; i < pending.size(); i++) {
                        if (!existing.contains(pending.get(i).recordId())) {
                            fresh.add(pending.get(i));
                            freshSeqs.add(chunk.seqs().get(i));
                        }
                    }
                    records.insert(batchId, fresh, freshSeqs, now);
                    jdbc.update("update screening_batch set stored_rows = stored_rows + ?, skipped_rows = skipped_rows + ? "
                            + "where id = ?", pending.size(), pending.size() - fresh.size(), batchId);
                    position[0] += pending.size();
                    return true;
                });
                if (!Boolean.TRUE.equals(stored)) {
                    log.info("Screening batch {} is being stored by another node; this one leaves it", batchId);
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing batch " + batchId, e);
        } finally {
            cancelled.set(true);
            queue.clear();
            reader.interrupt();
        }
    }

    /** The reader thread of phase 1: the rows after the first {@code alreadyStored}, in chunks, then END. */
    private void read(Path file, String kind, int alreadyStored, java.util.concurrent.BlockingQueue<ReadChunk> queue,
                      java.util.concurrent.atomic.AtomicBoolean cancelled) {
        Map<String, Integer> columns = new HashMap<>();
        var buffer = new Object() {
            List<TravelRecord> records = new ArrayList<>(chunkSize);
            List<Integer> seqs = new ArrayList<>(chunkSize);
        };
        int[] row = {0};
        try {
            RowSource.read(file, kind, new RowSource.Handler() {
                @Override
                public void header(List<String> names) {
                    for (int i = 0; i < names.size(); i++) {
                        columns.putIfAbsent(names.get(i), i);
                    }
                }

                @Override
                public boolean row(int line, List<String> values) {
                    row[0]++;
                    if (row[0] <= alreadyStored) {
                        return true;
                    }
                    var result = RecordValidation.validate(line, c -> {
                        Integer i = columns.get(c);
                        return i == null || i >= values.size() ? null : values.get(i);
                    });
                    if (result.record() == null) {
                        throw new IllegalStateException("row " + line + " was valid at upload and is not now");
                    }
                    buffer.records.add(result.record());
                    buffer.seqs.add(row[0]);
                    if (buffer.records.size() >= chunkSize) {
                        if (!hand(queue, cancelled, new ReadChunk(buffer.records, buffer.seqs, null))) {
                            return false;
                        }
                        buffer.records = new ArrayList<>(chunkSize);
                        buffer.seqs = new ArrayList<>(chunkSize);
                    }
                    return true;
                }
            });
            if (!buffer.records.isEmpty() && !hand(queue, cancelled, new ReadChunk(buffer.records, buffer.seqs, null))) {
                return;
            }
            hand(queue, cancelled, ReadChunk.END);
        } catch (IOException e) {
            hand(queue, cancelled, new ReadChunk(null, null, new UncheckedIOException(e)));
        } catch (RuntimeException e) {
            hand(queue, cancelled, new ReadChunk(null, null, e));
        }
    }

    /** Puts the chunk on the queue unless the storing thread stopped; false when it did. */
    private static boolean hand(java.util.concurrent.BlockingQueue<ReadChunk> queue, java.util.concurrent.atomic.AtomicBoolean cancelled,
                                ReadChunk chunk) {
        try {
            while (!cancelled.get()) {
                if (queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete spooled upload {}", file.getFileName());
        }
    }

    /** Open addressing set of 64-bit hashes (0 is stored separately): 16 bytes per row at worst. */
    static final class LongHashSet {
        private long[] table = new long[1 << 16];
        private int size;
        private boolean zero;

        boolean add(long v) {
            if (v == 0) {
                boolean had = zero;
                zero = true;
                return !had;
            }
            if (size * 2 >= table.length) {
                long[] old = table;
                table = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        insert(o);
                    }
                }
            }
            return insert(v);
        }

        private boolean insert(long v) {
            int mask = table.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = v;
            size++;
            return true;
        }
    }
}
