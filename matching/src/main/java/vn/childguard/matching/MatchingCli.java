package vn.childguard.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Command-line tool: {@code match} screens a CSV of records against a CSV watchlist,
 * {@code evaluate} prints precision/recall on synthetic labelled data, {@code generate} writes
 * synthetic CSVs to try {@code match} on.
 *
 * <p>Exit codes: 0 success, 2 bad input or usage (message on stderr naming file, line and
 * column; the output file is not created), 1 unexpected failure. Standard output is unused by
 * {@code match}; the summary goes to standard error.
 */
public final class MatchingCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_BAD_INPUT = 2;
    private static final List<String> WATCHLIST_COLUMNS = List.of("id", "full_name", "birth_date", "sex", "id_number", "nationality");
    private static final List<String> RECORD_COLUMNS = List.of("record_id", "full_name", "birth_date", "sex", "document_number", "nationality");
    private static final String USAGE = """
            usage:
              match --watchlist W.csv --records R.csv --out M.csv [--threads N] [--threshold X]
              evaluate [--entries 100000] [--variants 16000] [--negatives 5000] [--travellers 20000]
                       [--seed 42] [--threshold X] [--mix KIND=WEIGHT,...]
              generate --watchlist-out W.csv --records-out R.csv [--entries N] [--records N] [--seed S]""";

    private MatchingCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. Separate from {@link #main} so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        Map<String, String> opts;
        try {
            opts = options(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        try {
            return switch (args[0]) {
                case "match" -> match(opts, err);
                case "evaluate" -> evaluate(opts, out);
                case "generate" -> generate(opts, err);
                default -> {
                    err.println("error: unknown command " + args[0]);
                    err.println(USAGE);
                    yield EXIT_BAD_INPUT;
                }
            };
        } catch (Csv.InputException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    /** A wrong or missing command-line option. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) throws UsageException {
        String v = opts.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name);
        }
        return v;
    }

    private static double doubleOpt(Map<String, String> opts, String name, double dflt) throws UsageException {
        String v = opts.get(name);
        try {
            return v == null ? dflt : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number: " + v);
        }
    }

    private static int intOpt(Map<String, String> opts, String name, int dflt) throws UsageException {
        String v = opts.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer: " + v);
        }
    }

    // ------------------------------------------------------------------ match

    private static int match(Map<String, String> opts, PrintStream err)
            throws IOException, Csv.InputException, UsageException {
        Path watchlistFile = Path.of(required(opts, "watchlist"));
        Path recordsFile = Path.of(required(opts, "records"));
        Path outFile = Path.of(required(opts, "out"));
        int threads = intOpt(opts, "threads", 1);
        double threshold = doubleOpt(opts, "threshold", MatchIndex.DEFAULT_THRESHOLD);
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("--threshold must be in [0,1]");
        }
        long start = System.nanoTime();
        List<Identity> watchlist = readIdentities(watchlistFile, WATCHLIST_COLUMNS, true);
        List<Identity> records = readIdentities(recordsFile, RECORD_COLUMNS, false);
        long read = System.nanoTime();
        MatchIndex index = MatchIndex.build(watchlist);
        long built = System.nanoTime();
        List<List<Match>> results = screen(index, records, threads, threshold);
        long screened = System.nanoTime();

        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            for (Match m : results.get(r)) {
                rows.add(new String[] {records.get(r).id(), m.entryId(), String.format(Locale.ROOT, "%.4f", m.score()),
                    m.reasonsText()});
            }
        }
        rows.sort(Comparator.<String[], String>comparing(a -> a[0])
                .thenComparing(a -> Double.parseDouble(a[2]), Comparator.reverseOrder())
                .thenComparing(a -> a[1]));
        writeAtomically(outFile, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        double screenSeconds = (screened - built) / 1e9;
        err.printf(Locale.ROOT, "records=%d alerts=%d elapsed=%.3fs records_per_second=%.0f threads=%d threshold=%.3f"
                        + " (read %.3fs, index %d entries %.3fs, screening %.3fs = %.0f records/s)%n",
                records.size(), rows.size(), seconds, records.size() / Math.max(seconds, 1e-9), threads, threshold,
                (read - start) / 1e9, watchlist.size(), (built - read) / 1e9, screenSeconds,
                records.size() / Math.max(screenSeconds, 1e-9));
        return EXIT_OK;
    }

    static List<List<Match>> screen(MatchIndex index, List<Identity> records, int threads, double threshold) {
        List<List<Match>> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            results.add(List.of());
        }
        if (threads == 1) {
            for (int i = 0; i < records.size(); i++) {
                results.set(i, index.match(records.get(i), threshold));
            }
            return results;
        }
        AtomicInteger next = new AtomicInteger();
        int block = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(block)) < records.size()) {
                        int to = Math.min(records.size(), from + block);
                        for (int i = from; i < to; i++) {
                            // Distinct indices per thread; set() on a pre-sized ArrayList does not restructure it.
                            List<Match> m = index.match(records.get(i), threshold);
                            synchronized (results) {
                                results.set(i, m);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while screening", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("screening failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return results;
    }

    private static void writeAtomically(Path outFile, List<String[]> rows) throws IOException {
        Path dir = outFile.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".matches", ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("record_id,watchlist_id,score,reasons\n");
                for (String[] r : rows) {
                    w.write(Csv.field(r[0]) + "," + Csv.field(r[1]) + "," + r[2] + "," + Csv.field(r[3]) + "\n");
                }
            }
            try {
                Files.move(tmp, outFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads identities; columns by header name (any order, extra columns ignored). */
    static List<Identity> readIdentities(Path file, List<String> columns, boolean uniqueIds)
            throws IOException, Csv.InputException {
        List<Csv.Row> rows = Csv.read(file);
        if (rows.isEmpty()) {
            throw new Csv.InputException(file, 1, 1, "empty file: a header row is required");
        }
        Csv.Row header = rows.get(0);
        int[] pos = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            pos[c] = -1;
            for (int h = 0; h < header.fields().size(); h++) {
                if (header.fields().get(h).strip().equalsIgnoreCase(columns.get(c))) {
                    pos[c] = h;
                }
            }
            if (pos[c] < 0) {
                throw new Csv.InputException(file, header.line(), header.fields().size() + 1,
                        "missing column '" + columns.get(c) + "'");
            }
        }
        List<Identity> out = new ArrayList<>(rows.size() - 1);
        Set<String> ids = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            if (row.fields().size() != header.fields().size()) {
                throw new Csv.InputException(file, row.line(), 1, "expected " + header.fields().size()
                        + " fields as in the header, found " + row.fields().size());
            }
            String id = row.fields().get(pos[0]).strip();
            if (id.isEmpty()) {
                throw new Csv.InputException(file, row.line(), row.columns()[pos[0]], "empty " + columns.get(0));
            }
            if (uniqueIds && !ids.add(id)) {
                throw new Csv.InputException(file, row.line(), row.columns()[pos[0]], "duplicate " + columns.get(0) + " '" + id + "'");
            }
            BirthDate birth;
            try {
                birth = BirthDate.parse(row.fields().get(pos[2]));
            } catch (IllegalArgumentException e) {
                throw new Csv.InputException(file, row.line(), row.columns()[pos[2]], "bad birth_date: " + e.getMessage());
            }
            Sex sex;
            try {
                sex = Sex.parse(row.fields().get(pos[3]));
            } catch (IllegalArgumentException e) {
                throw new Csv.InputException(file, row.line(), row.columns()[pos[3]], "bad sex: " + e.getMessage());
            }
            String doc = row.fields().get(pos[4]).strip();
            out.add(new Identity(id, row.fields().get(pos[1]), birth, sex, doc.isEmpty() ? List.of() : List.of(doc),
                    row.fields().get(pos[5])));
        }
        return out;
    }

    // ------------------------------------------------------------------ evaluate / generate

    private static int evaluate(Map<String, String> opts, PrintStream out) throws UsageException {
        Map<Corruption, Double> mix = SyntheticIdentities.defaultMix();
        String mixText = opts.get("mix");
        if (mixText != null) {
            mix = new EnumMap<>(Corruption.class);
            for (String part : mixText.split(",")) {
                String[] kv = part.split("=");
                try {
                    mix.put(Corruption.valueOf(kv[0].strip().toUpperCase(Locale.ROOT)), kv.length > 1 ? Double.parseDouble(kv[1]) : 1.0);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("bad --mix item '" + part + "'; kinds: " + java.util.Arrays.toString(Corruption.values()));
                }
            }
        }
        Evaluation.run(new Evaluation.Settings(intOpt(opts, "entries", 100_000), intOpt(opts, "variants", 16_000),
                intOpt(opts, "negatives", 5_000), intOpt(opts, "travellers", 20_000), intOpt(opts, "seed", 42),
                doubleOpt(opts, "threshold", MatchIndex.DEFAULT_THRESHOLD), mix), out);
        return EXIT_OK;
    }

    private static int generate(Map<String, String> opts, PrintStream err) throws IOException, UsageException {
        Path wOut = Path.of(required(opts, "watchlist-out"));
        Path rOut = Path.of(required(opts, "records-out"));
        int entries = intOpt(opts, "entries", 100_000);
        int records = intOpt(opts, "records", 10_000);
        SyntheticIdentities gen = new SyntheticIdentities(intOpt(opts, "seed", 7));
        List<Identity> watchlist = gen.watchlist(entries);
        try (BufferedWriter w = Files.newBufferedWriter(wOut, StandardCharsets.UTF_8)) {
            w.write("id,full_name,birth_date,sex,id_number,nationality\n");
            for (Identity i : watchlist) {
                w.write(csvLine(i, null, null));
            }
        }
        List<SyntheticIdentities.Labelled> variants = gen.variants(watchlist, records / 5, SyntheticIdentities.defaultMix());
        List<Identity> travellers = gen.travellers(records - variants.size());
        try (BufferedWriter w = Files.newBufferedWriter(rOut, StandardCharsets.UTF_8)) {
            w.write("record_id,full_name,birth_date,sex,document_number,nationality,true_watchlist_id,corruption\n");
            for (SyntheticIdentities.Labelled v : variants) {
                w.write(csvLine(v.record(), v.sourceId(), v.corruption().name()));
            }
            for (Identity t : travellers) {
                w.write(csvLine(t, "", ""));
            }
        }
        err.printf(Locale.ROOT, "wrote %d watchlist entries to %s and %d records (%d labelled variants) to %s%n",
                watchlist.size(), wOut, records, variants.size(), rOut);
        return EXIT_OK;
    }

    private static String csvLine(Identity i, String label, String kind) {
        StringBuilder sb = new StringBuilder();
        sb.append(Csv.field(i.id())).append(',').append(Csv.field(i.fullName())).append(',')
                .append(i.birthDate()).append(',')
                .append(i.sex() == Sex.UNKNOWN ? "" : i.sex() == Sex.MALE ? "M" : "F").append(',')
                .append(i.documents().isEmpty() ? "" : Csv.field(i.documents().get(0))).append(',')
                .append(i.nationality());
        if (label != null) {
            sb.append(',').append(label).append(',').append(kind);
        }
        return sb.append('\n').toString();
    }
}
