package vn.childguard.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingCliTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return MatchingCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static final String WATCHLIST = """
            nationality,id,full_name,birth_date,sex,id_number,notes
            VN,W1,Nguyễn Thị Ánh,1990-03-04,F,001190123456,x
            VN,W2,Trịnh Thị Khuê,2011-10-05,F,,"quoted, with comma"
            VN,W3,"Đoàn Văn Hào",,M,C7654321,
            """;

    @Test
    void matchWritesSortedAlertsAndSummary() throws IOException {
        Path w = write("w.csv", WATCHLIST);
        Path r = write("r.csv", """
                record_id,full_name,birth_date,sex,document_number,nationality
                R2,TRINH THI KHUE,2011-05-10,F,,VN
                R1,NGUYEN<<THI<ANH,1990-03-04,F,001190123456,VN
                R3,Someone Else,1970-01-01,M,B1111111,VN
                R0,DOAN VAN HAO,,M,C7654321,VN
                """);
        Path m = dir.resolve("m.csv");
        assertThat(run("match", "--watchlist", w.toString(), "--records", r.toString(), "--out", m.toString(),
                "--threads", "2")).isZero();
        List<String> lines = Files.readAllLines(m);
        assertThat(lines.getFirst()).isEqualTo("record_id,watchlist_id,score,reasons");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',', 3)))
                .containsExactly("R0,W3", "R1,W1", "R2,W2");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("records=4", "alerts=3", "records_per_second=");
    }

    @Test
    void thresholdOptionChangesTheDecision() throws IOException {
        Path w = write("w.csv", WATCHLIST);
        Path r = write("r.csv", "record_id,full_name,birth_date,sex,document_number,nationality\nR1,TRINH THI KHUE,2011-10-06,F,,VN\n");
        Path m = dir.resolve("m.csv");
        assertThat(run("match", "--watchlist", w.toString(), "--records", r.toString(), "--out", m.toString(),
                "--threshold", "0.9999")).isZero();
        assertThat(Files.readAllLines(m)).hasSize(1);
    }

    private void assertBadInput(String watchlist, String records, String... messageParts) throws IOException {
        Path w = write("w.csv", watchlist);
        Path r = write("r.csv", records);
        Path m = dir.resolve("m.csv");
        assertThat(run("match", "--watchlist", w.toString(), "--records", r.toString(), "--out", m.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(messageParts);
        assertThat(m).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.csv", "r.csv");
        }
    }

    @Test
    void missingColumnNamesFileLineAndColumn() throws IOException {
        assertBadInput(WATCHLIST, "record_id,full_name,sex,document_number,nationality\nR1,A,M,,VN\n",
                "r.csv:1:6:", "missing column 'birth_date'");
    }

    @Test
    void badDateNamesFileLineAndColumn() throws IOException {
        assertBadInput(WATCHLIST, "record_id,full_name,birth_date,sex,document_number,nationality\nR1,A,1990-02-30,M,,VN\n",
                "r.csv:2:6:", "bad birth_date");
    }

    @Test
    void unclosedQuoteNamesFileLineAndColumn() throws IOException {
        assertBadInput(WATCHLIST, "record_id,full_name,birth_date,sex,document_number,nationality\nR1,\"A,1990,M,,VN\n",
                "r.csv:2:4:", "unclosed quote");
    }

    @Test
    void wrongEncodingNamesFileLineAndColumn() throws IOException {
        Path w = write("w.csv", WATCHLIST);
        byte[] latin1 = "record_id,full_name,birth_date,sex,document_number,nationality\nR1,Nguy\u00eAn,1990,M,,VN\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path r = Files.write(dir.resolve("r.csv"), latin1);
        Path m = dir.resolve("m.csv");
        assertThat(run("match", "--watchlist", w.toString(), "--records", r.toString(), "--out", m.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("r.csv:2:8:", "not valid UTF-8");
        assertThat(m).doesNotExist();
    }

    @Test
    void badSexAndDuplicateIdsAreRejected() throws IOException {
        assertBadInput(WATCHLIST, "record_id,full_name,birth_date,sex,document_number,nationality\nR1,A,1990,X,,VN\n",
                "r.csv:2:", "bad sex");
        err.reset();
        assertBadInput(WATCHLIST + "VN,W1,Other,,,,\n", "record_id,full_name,birth_date,sex,document_number,nationality\n",
                "w.csv:5:", "duplicate id 'W1'");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("match", "--watchlist")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("match", "--watchlist", "a", "--records", "b")).isEqualTo(2);
    }

    @Test
    void generateThenMatchRoundTrip() throws IOException {
        Path w = dir.resolve("w.csv");
        Path r = dir.resolve("r.csv");
        assertThat(run("generate", "--watchlist-out", w.toString(), "--records-out", r.toString(), "--entries", "2000",
                "--records", "500")).isZero();
        Path m = dir.resolve("m.csv");
        assertThat(run("match", "--watchlist", w.toString(), "--records", r.toString(), "--out", m.toString())).isZero();
        assertThat(Files.readAllLines(m).size()).isGreaterThan(50);
    }

    @Test
    void evaluatePrintsMetrics() {
        assertThat(run("evaluate", "--entries", "3000", "--variants", "400", "--negatives", "100", "--travellers", "300",
                "--mix", "EXACT=2,TYPO=1,DATE_SWAPPED=1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("precision", "recall", "f1", "per 1,000", "TYPO", "DATE_SWAPPED");
    }
}
