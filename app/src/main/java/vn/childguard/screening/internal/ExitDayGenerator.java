package vn.childguard.screening.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Demo data: "a sample day of Tây Ninh exits" as a screening CSV. Mostly ordinary travellers and
 * families through Mộc Bài, Xa Mát and Tân Nam, plus three patterns an officer must see:
 * a 15-year-old girl flying to Moscow on a tourist visa with an unrelated adult on her booking;
 * the watchlisted broker written {@code NGUYEN VAN HUNG} (born 1978-05-12, passport C1234567);
 * an adult who travelled with three different minors within a month (the two earlier trips are in
 * the file). Deterministic for a seed; record ids and booking references carry {@code prefix}.
 *
 * <p>Run: {@code java -cp app/target/classes:$(cat cp.txt) vn.childguard.screening.internal.ExitDayGenerator OUT.csv [rows] [yyyy-mm-dd] [prefix]}.
 */
public final class ExitDayGenerator {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Cao"};
    static final String[] MALE_MIDDLE = {"Văn", "Minh", "Hữu", "Đức", "Quốc", "Thanh", "Công"};
    static final String[] FEMALE_MIDDLE = {"Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ"};
    static final String[] MALE_GIVEN = {"An", "Bình", "Dũng", "Hải", "Hiếu", "Khang", "Khoa", "Long", "Nam", "Phúc",
            "Quân", "Sơn", "Tâm", "Thắng", "Trí", "Tuấn", "Việt", "Vinh"};
    static final String[] FEMALE_GIVEN = {"Anh", "Châu", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
            "Nhung", "Phương", "Thảo", "Trang", "Trâm", "Vy", "Yến"};
    static final String[] GATES = {"MOC_BAI", "XA_MAT", "TAN_NAM", "SGN_AIRPORT"};
    static final String[] SAFE = {"KH", "KH", "KH", "KH", "TH", "LA", "KR", "JP", "CN", "SG", "MY", "TW", "AU"};
    static final String[] RISK = {"RU", "DE", "FR", "GB", "PL", "CZ"};

    private final SplittableRandom random;
    private final LocalDate day;
    private final String prefix;
    private final List<String[]> rows = new ArrayList<>();
    private int nextId;
    private int nextBooking;
    private int nextPassport;

    private ExitDayGenerator(long seed, LocalDate day, String prefix) {
        this.random = new SplittableRandom(seed);
        this.day = day;
        this.prefix = prefix;
        this.nextPassport = 2_000_000 + random.nextInt(1_000_000);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        LocalDate day = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2026, 11, 28);
        String prefix = args.length > 3 ? args[3] : "TN";
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(w, day, n, 42, prefix);
        }
    }

    /** Writes a header and about {@code count} records (the three patterns included). */
    public static void write(Writer out, LocalDate day, int count, long seed, String prefix) {
        ExitDayGenerator g = new ExitDayGenerator(seed, day, prefix);
        g.patterns();
        while (g.rows.size() < count) {
            g.backgroundGroup();
        }
        try {
            out.write(String.join(",", TravelRecord.COLUMNS) + "," + TravelRecord.COMPANIONS + "\n");
            for (String[] r : g.rows) {
                out.write(csvLine(r));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvLine(String[] r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = r[i] == null ? "" : r[i];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append('\n').toString();
    }

    private void patterns() {
        // 1. a 15-year-old girl to Moscow on a tourist visa with an unrelated adult on the same booking
        String booking = booking();
        String girl = id();
        String adult = id();
        add(girl, "Trần Thị Mai", day.minusYears(15).minusMonths(3).toString(), "F", passport(), day, "SGN_AIRPORT", "RU", "",
                booking, "TOURISM", "TOURIST", adult);
        add(adult, "Lê Văn Tâm", "1984-02-03", "M", passport(), day, "SGN_AIRPORT", "RU", "", booking, "TOURISM", "TOURIST", girl);
        // 2. the watchlisted broker, as the passport writes him
        add(id(), "NGUYEN VAN HUNG", "1978-05-12", "M", "C1234567", day, "MOC_BAI", "KH", "", booking(), "BUSINESS", "", "");
        // 3. one adult with three different minors within a month (two earlier trips in the file)
        String[][] minors = {{"Đỗ Thị Ngân", "F"}, {"Bùi Văn Khoa", "M"}, {"Hồ Thị Yến", "F"}};
        int[] daysBefore = {24, 11, 0};
        for (int i = 0; i < 3; i++) {
            String b = booking();
            String a = id();
            String m = id();
            LocalDate d = day.minusDays(daysBefore[i]);
            add(a, "Phạm Văn Long", "1980-09-14", "M", "C7654321", d, "MOC_BAI", "KH", "", b, "TOURISM", "", m);
            add(m, minors[i][0], d.minusYears(13 + i).minusDays(40).toString(), minors[i][1], passport(), d, "MOC_BAI", "KH", "",
                    b, "TOURISM", "", a);
        }
    }

    private void backgroundGroup() {
        int kind = random.nextInt(100);
        LocalDate d = day;
        String gate = GATES[random.nextInt(GATES.length)];
        String destination = "SGN_AIRPORT".equals(gate) ? (random.nextInt(100) < 3 ? RISK[random.nextInt(RISK.length)]
                : SAFE[4 + random.nextInt(SAFE.length - 4)]) : "KH";
        String purpose = random.nextInt(3) == 0 ? "BUSINESS" : "TOURISM";
        String visa = "KH".equals(destination) ? "" : random.nextInt(2) == 0 ? "TOURIST" : "BUSINESS";
        String b = booking();
        if (kind < 70) {
            boolean male = random.nextBoolean();
            add(id(), name(male, family()), birth(20, 70), male ? "M" : "F", passport(), d, gate, destination, "", b, purpose,
                    visa, "");
        } else if (kind < 95) {
            String family = family();
            int adults = 1 + random.nextInt(2);
            int kids = 1 + random.nextInt(3);
            List<String> ids = new ArrayList<>();
            List<String[]> members = new ArrayList<>();
            members.add(new String[]{name(true, family), birth(32, 50), "M"});
            if (adults == 2) {
                members.add(new String[]{name(false, family()), birth(30, 48), "F"});
            }
            for (int k = 0; k < kids; k++) {
                boolean male = random.nextBoolean();
                members.add(new String[]{name(male, family), birth(2, 12), male ? "M" : "F"});
            }
            members.forEach(m -> ids.add(id()));
            for (int i = 0; i < members.size(); i++) {
                List<String> others = new ArrayList<>(ids);
                others.remove(i);
                String[] m = members.get(i);
                add(ids.get(i), m[0], m[1], m[2], passport(), d, gate, destination, "", b, "TOURISM", visa, String.join(";", others));
            }
        } else {
            for (int i = 0; i < 2 + random.nextInt(3); i++) {
                boolean male = random.nextBoolean();
                add(id(), name(male, family()), birth(22, 60), male ? "M" : "F", passport(), d, gate, destination, "", b,
                        "BUSINESS", visa, "");
            }
        }
    }

    private void add(String id, String name, String birth, String sex, String doc, LocalDate date, String gate, String dest,
                     String transit, String booking, String purpose, String visa, String companions) {
        rows.add(new String[]{id, name, birth, sex, doc, "VN", date.toString(), "EXIT", gate, dest, transit, booking, purpose,
                visa, companions});
    }

    private String id() {
        return prefix + "-" + (++nextId);
    }

    private String booking() {
        return prefix + "B" + (++nextBooking);
    }

    private String passport() {
        return "C" + (nextPassport++);
    }

    private String family() {
        return FAMILY[random.nextInt(FAMILY.length)];
    }

    private String name(boolean male, String family) {
        return family + " " + (male ? MALE_MIDDLE[random.nextInt(MALE_MIDDLE.length)] : FEMALE_MIDDLE[random.nextInt(FEMALE_MIDDLE.length)])
                + " " + (male ? MALE_GIVEN[random.nextInt(MALE_GIVEN.length)] : FEMALE_GIVEN[random.nextInt(FEMALE_GIVEN.length)]);
    }

    private String birth(int minAge, int maxAge) {
        return day.minusYears(minAge).minusDays(random.nextInt((maxAge - minAge) * 365 + 1)).toString();
    }
}
