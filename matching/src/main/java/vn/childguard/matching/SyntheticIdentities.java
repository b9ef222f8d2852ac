package vn.childguard.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generator of synthetic Vietnamese identities with realistic name frequencies, and of labelled
 * variants of them, for tests, the evaluation command and the benchmarks.
 *
 * <p>Frequencies: family names by their published shares (Nguyễn about 38%, Trần 11%, Lê 9.5%,
 * ...; Hoàng/Huỳnh and Vũ/Võ split between the regional spellings); middle names by sex (Thị for
 * about 60% of women, Văn for 40% of men, some people with none or two); given names from a
 * vocabulary of a few hundred syllables and compounds drawn with a Zipf law, so most full names
 * are shared by many people. Deterministic for a seed.
 */
public final class SyntheticIdentities {

    /** A generated record with its label: the watchlist id it is a variant of, or null for none. */
    public record Labelled(Identity record, String sourceId, Corruption corruption, boolean hardNegative) {
    }

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai", "Tô", "Hà", "Tạ",
        "Cao", "Lương", "Đinh", "Lưu", "Quách", "Thái", "Châu", "Kiều", "Triệu", "Lại", "Chu", "Diệp", "Thân",
        "Tôn", "La", "Hứa", "Mạc", "Nông", "Kim", "Văn", "Âu", "Khúc", "Lục"};
    private static final double[] FAMILY_SHARE = {
        38.4, 11.0, 9.5, 7.0, 3.0, 2.1, 4.5, 2.0, 1.9, 2.1, 2.0, 1.4, 1.3, 1.3,
        1.0, 0.5, 0.45, 0.4, 0.35, 0.35, 0.35, 0.3, 0.3, 0.3, 0.25, 0.25, 0.25,
        0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.15, 0.15, 0.15, 0.15, 0.1, 0.1,
        0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Thùy",
        "Phương", "Bảo", "Mai", "Khánh", "Hoài", "Diệu", "Mỹ", "Bích", "Tuyết", "Cẩm"};
    private static final double[] MIDDLE_F_SHARE = {60, 8, 5, 5, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1};
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân",
        "Quốc", "Ngọc", "Hoàng", "Tuấn", "Gia", "Trọng", "Đình", "Bá", "Mạnh", "Duy"};
    private static final double[] MIDDLE_M_SHARE = {40, 7, 7, 6, 5, 4, 4, 3, 4, 3, 3, 2, 3, 2, 3, 1, 1, 2};
    private static final String[] GIVEN_F = ("Anh Linh Trang Hương Hà Ngọc Lan Mai Thảo Hằng Nhung Huyền Phương Thủy "
            + "Trinh Vy Nhi Hạnh Hoa Yến Quỳnh Loan Hiền Oanh Tuyết Dung Hồng Nga Thu Vân Diệp Giang Hải Hậu Hiếu "
            + "Khánh Lệ Liên Ly My Nguyệt Nhàn Như Phượng Quyên Tâm Thanh Thắm Thơ Thúy Tiên Trâm Uyên Xuân Yên Ánh "
            + "Bích Cúc Châu Diễm Diệu Đào Gấm Hân Huệ Khuê Kiều Lài Lam Lụa Mến Minh Mơ Ngân Nhạn Nương Quế Sương "
            + "Thoa Thư Thương Trà Tú Tươi Hạ Hoài Huế Kim Lê Loan Lộc Luyến Lý Mận Mỹ Na Nữ Phấn Phúc Quyến Sen "
            + "Son Thắm Thi Thìn Thoa Thục Tình Trúc Tuyền Út Vi Xuyến Yểu Duyên Hoan Khôi Ngà Nhài Phụng Sa").split(" ");
    private static final String[] GIVEN_F_COMPOUND = {"Ngọc Anh", "Minh Anh", "Bảo Ngọc", "Khánh Linh", "Phương Anh",
        "Thu Trang", "Hải Yến", "Thùy Linh", "Quỳnh Anh", "Bảo Anh", "Gia Hân", "Tú Anh", "Thanh Hương", "Mai Anh"};
    private static final String[] GIVEN_M = ("Anh Minh Hùng Dũng Tuấn Nam Hải Long Sơn Thắng Trung Đức Hiếu Huy Khoa "
            + "Phong Quân Tùng Việt Bình Cường Đạt Hoàng Hưng Khánh Lâm Lộc Lợi Nghĩa Phúc Quang Tài Thành Thịnh Tiến "
            + "Toàn Trí Tú Vinh Vũ An Bảo Công Chiến Danh Định Đông Giang Hà Hậu Hiệp Hòa Học Khải Khang Kiên Linh "
            + "Luân Mạnh Nhân Ninh Phát Phú Quý Sang Tâm Tân Thái Thanh Thiện Thông Thuận Tín Trọng Trường Tuân Vĩnh "
            + "Vượng Xuân Duy Dương Điền Hữu Kha Khôi Lực Ngọc Nhật Quyết Sỹ Thạch Tráng Tường Uy Yên Ân Bằng Cảnh "
            + "Châu Chính Đăng Đạo Độ Hào Hậu Hiển Hoan Khiêm Lãm Lễ Lương Mẫn Nguyên Pháp Quảng Sinh Tạo Thạc Thiêm "
            + "Thìn Thức Tịnh Toại Tú Tuệ Ước Văn Vĩ Vỹ").split(" ");
    private static final String[] GIVEN_M_COMPOUND = {"Minh Khôi", "Gia Bảo", "Đức Anh", "Hoàng Nam", "Quốc Anh",
        "Minh Quân", "Tuấn Anh", "Anh Tuấn", "Bảo Long", "Đăng Khoa", "Gia Huy", "Minh Đức", "Hải Đăng", "Thành Đạt"};
    /** Province codes of the 12-digit citizen ID (a representative subset of the 63). */
    private static final int[] PROVINCES = {1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30,
        31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72,
        74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};
    private static final String[] OTHER_NATIONALITIES = {"CN", "KH", "LA", "TH", "KR", "US", "MY"};

    private final SplittableRandom random;
    private final double[] familyCdf = cdf(FAMILY_SHARE);
    private final double[] middleFCdf = cdf(MIDDLE_F_SHARE);
    private final double[] middleMCdf = cdf(MIDDLE_M_SHARE);
    private final String[] givenF = concat(GIVEN_F, GIVEN_F_COMPOUND);
    private final String[] givenM = concat(GIVEN_M, GIVEN_M_COMPOUND);
    private final double[] givenFCdf;
    private final double[] givenMCdf;

    public SyntheticIdentities(long seed) {
        this.random = new SplittableRandom(seed);
        givenFCdf = cdf(zipf(givenF.length));
        givenMCdf = cdf(zipf(givenM.length));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Zipf weights with exponent 0.75: the most common given name is then about 7% of one sex,
     * the order of magnitude published Vietnamese given-name tables show.
     */
    private static double[] zipf(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(i + 1, -0.75);
        }
        return w;
    }

    private static double[] cdf(double[] w) {
        double[] c = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private int pick(double[] cdf) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A person structured by name part, before rendering. */
    private record Person(String family, List<String> middle, String given, Sex sex, BirthDate birth,
                          String citizenId, String passport, String nationality) {
    }

    private Person newPerson() {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        String family = FAMILY[pick(familyCdf)];
        List<String> middle = new ArrayList<>(2);
        double u = random.nextDouble();
        if (u >= 0.04) {
            middle.add(sex == Sex.FEMALE ? MIDDLE_F[pick(middleFCdf)] : MIDDLE_M[pick(middleMCdf)]);
            if (u > 0.92) {
                String second = sex == Sex.FEMALE ? MIDDLE_F[pick(middleFCdf)] : MIDDLE_M[pick(middleMCdf)];
                if (!second.equals(middle.get(0))) {
                    middle.add(second);
                }
            }
        }
        String given = sex == Sex.FEMALE ? givenF[pick(givenFCdf)] : givenM[pick(givenMCdf)];
        int year = 1950 + random.nextInt(75);
        int dayOfYear = random.nextInt(365);
        int full = Dates.fromDays(Dates.toDays(year * 10000 + 101) + dayOfYear);
        BirthDate birth = BirthDate.unpack(full);
        String cccd = String.format("%03d%d%02d%06d", PROVINCES[random.nextInt(PROVINCES.length)],
                (year / 100 - 19) * 2 + (sex == Sex.FEMALE ? 1 : 0), year % 100, random.nextInt(1_000_000));
        String passport = (char) ('A' + random.nextInt(4) + 1) + String.format("%07d", random.nextInt(10_000_000));
        String nationality = random.nextDouble() < 0.93 ? "VN"
                : random.nextDouble() < 0.3 ? "" : OTHER_NATIONALITIES[random.nextInt(OTHER_NATIONALITIES.length)];
        return new Person(family, middle, given, sex, birth, cccd, passport, nationality);
    }

    /**
     * One watchlist-style identity: full date for 89%, year only for 8%, unknown for 3%; a 12-digit
     * citizen ID for 70% (with century/sex and year digits consistent with the person), else a
     * passport for 15%, else no document.
     */
    private Identity render(Person p, String id) {
        double u = random.nextDouble();
        BirthDate birth = u < 0.89 ? p.birth : u < 0.97 ? BirthDate.yearOnly(p.birth.year()) : BirthDate.UNKNOWN;
        double d = random.nextDouble();
        List<String> docs = d < 0.70 ? List.of(p.citizenId) : d < 0.85 ? List.of(p.passport) : List.of();
        return new Identity(id, joinName(p.family, p.middle, p.given), birth, p.sex, docs, p.nationality);
    }

    private static String joinName(String family, List<String> middle, String given) {
        StringBuilder sb = new StringBuilder(family);
        for (String m : middle) {
            sb.append(' ').append(m);
        }
        return sb.append(' ').append(given).toString();
    }

    /** A watchlist of {@code n} entries with ids {@code W0..W(n-1)}. */
    public List<Identity> watchlist(int n) {
        List<Identity> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(render(newPerson(), "W" + i));
        }
        return out;
    }

    /** A traveller who is not listed, with a full birth date and a passport. */
    public Identity traveller(String id) {
        Person p = newPerson();
        return new Identity(id, render(p.family, p.middle, p.given, random.nextBoolean()), p.birth, p.sex,
                List.of(p.passport), p.nationality);
    }

    /**
     * A hard negative for {@code entry}: the same name (possibly without diacritics), same sex, but
     * a different full birth date and a different document.
     */
    public Labelled hardNegative(Identity entry, String id) {
        Person p = newPerson();
        int date = entry.birthDate().isFull() ? entry.birthDate().packed() : p.birth.packed();
        int other;
        do {
            other = Dates.fromDays(Dates.toDays(date) + 2 + random.nextInt(3000) * (random.nextBoolean() ? 1 : -1));
        } while (other == date || Dates.swapped(date) == other || Math.abs(Dates.toDays(date) - Dates.toDays(other)) <= 1);
        String name = random.nextBoolean() ? entry.fullName() : fold(entry.fullName());
        return new Labelled(new Identity(id, name, BirthDate.unpack(other), entry.sex(), List.of(p.passport),
                entry.nationality()), null, null, true);
    }

    /**
     * A labelled variant of {@code entry} for the given kind, or null when the kind does not apply
     * (no middle name to drop, no regional family name, no document, no full date to corrupt).
     * Variants keep the entry's document with probability 0.4 (a traveller often shows a passport
     * the watchlist does not hold) and drop the recorded sex with probability 0.1.
     */
    public Labelled variant(Identity entry, Corruption kind, String id) {
        List<String> tokens = new ArrayList<>(List.of(entry.fullName().split(" ")));
        BirthDate birth = entry.birthDate();
        List<String> docs = random.nextDouble() < 0.4 ? entry.documents() : List.of(freshPassport());
        boolean ascii = random.nextBoolean();
        String name = null;
        switch (kind) {
            case EXACT -> name = entry.fullName();
            case NO_DIACRITICS -> name = fold(entry.fullName());
            case PARTIAL_DIACRITICS -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < tokens.size(); i++) {
                    sb.append(i == 0 ? "" : " ").append(i % 2 == 0 ? fold(tokens.get(i)) : tokens.get(i));
                }
                name = sb.toString();
            }
            case NFD -> name = Normalizer.normalize(entry.fullName().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            case GIVEN_FIRST -> {
                List<String> r = new ArrayList<>(tokens.subList(1, tokens.size()));
                r.add(tokens.get(0));
                name = String.join(" ", r);
                ascii = true;
            }
            case MRZ -> {
                name = fold(tokens.get(0)) + "<<" + fold(String.join("<", tokens.subList(1, tokens.size())));
                ascii = false;
            }
            case REGIONAL -> {
                String alt = switch (tokens.get(0)) {
                    case "Hoàng" -> "Huỳnh";
                    case "Huỳnh" -> "Hoàng";
                    case "Vũ" -> "Võ";
                    case "Võ" -> "Vũ";
                    default -> null;
                };
                if (alt == null) {
                    return null;
                }
                tokens.set(0, alt);
                name = String.join(" ", tokens);
            }
            case MISSING_MIDDLE -> {
                if (tokens.size() < 3) {
                    return null;
                }
                tokens.remove(1);
                name = String.join(" ", tokens);
            }
            case EXTRA_MIDDLE -> {
                tokens.add(1, entry.sex() == Sex.FEMALE ? "Thị" : "Văn");
                if (tokens.get(2).equals(tokens.get(1))) {
                    tokens.set(1, "Minh");
                }
                name = String.join(" ", tokens);
            }
            case TYPO -> {
                int t = random.nextInt(tokens.size());
                tokens.set(t, typo(fold(tokens.get(t))));
                name = String.join(" ", tokens);
                ascii = true;
            }
            case GLUED -> {
                int t = random.nextInt(tokens.size() - 1);
                tokens.set(t, tokens.get(t) + tokens.remove(t + 1));
                name = String.join(" ", tokens);
            }
            case DATE_SWAPPED -> {
                if (!birth.isFull() || Dates.swapped(birth.packed()) == 0) {
                    return null;
                }
                birth = BirthDate.unpack(Dates.swapped(birth.packed()));
                name = entry.fullName();
            }
            case DATE_ONE_DAY -> {
                if (!birth.isFull()) {
                    return null;
                }
                birth = BirthDate.unpack(Dates.fromDays(Dates.toDays(birth.packed()) + (random.nextBoolean() ? 1 : -1)));
                name = entry.fullName();
            }
            case DATE_YEAR_ONLY -> {
                if (!birth.isKnown()) {
                    return null;
                }
                birth = BirthDate.yearOnly(birth.year());
                name = entry.fullName();
            }
            case DATE_MISSING_WITH_DOCUMENT -> {
                if (entry.documents().isEmpty()) {
                    return null;
                }
                birth = BirthDate.UNKNOWN;
                docs = entry.documents();
                name = entry.fullName();
            }
            case DOCUMENT_ONE_DIGIT -> {
                if (entry.documents().isEmpty()) {
                    return null;
                }
                birth = BirthDate.UNKNOWN;
                String doc = entry.documents().get(0);
                int pos = doc.length() - 1 - random.nextInt(Math.min(8, doc.length()));
                char c = doc.charAt(pos);
                char r = (char) ('0' + (c - '0' + 1 + random.nextInt(9)) % 10);
                docs = List.of(doc.substring(0, pos) + r + doc.substring(pos + 1));
                name = entry.fullName();
            }
        }
        if (ascii && kind != Corruption.PARTIAL_DIACRITICS && kind != Corruption.NFD && kind != Corruption.MRZ) {
            name = fold(name);
        }
        Sex sex = random.nextDouble() < 0.1 ? Sex.UNKNOWN : entry.sex();
        return new Labelled(new Identity(id, name, birth, sex, docs, entry.nationality()), entry.id(), kind, false);
    }

    private String freshPassport() {
        return (char) ('A' + random.nextInt(4) + 1) + String.format("%07d", random.nextInt(10_000_000));
    }

    private String render(String family, List<String> middle, String given, boolean foldIt) {
        String n = joinName(family, middle, given);
        return foldIt ? fold(n) : n;
    }

    /** One random edit on a token of at least two letters; one-letter tokens get a letter appended. */
    private String typo(String token) {
        char letter = (char) ('A' + random.nextInt(26));
        if (token.length() < 2) {
            return token + letter;
        }
        int p = random.nextInt(token.length());
        return switch (random.nextInt(4)) {
            case 0 -> {
                char c = token.charAt(p) == letter ? (char) ('A' + (letter - 'A' + 1) % 26) : letter;
                yield token.substring(0, p) + c + token.substring(p + 1);
            }
            case 1 -> token.substring(0, p) + letter + token.substring(p);
            case 2 -> token.length() > 2 ? token.substring(0, p) + token.substring(p + 1)
                    : token.substring(0, p) + letter + token.substring(p);
            default -> {
                int q = Math.min(p, token.length() - 2);
                if (token.charAt(q) == token.charAt(q + 1)) {
                    yield token + letter;
                }
                yield token.substring(0, q) + token.charAt(q + 1) + token.charAt(q) + token.substring(q + 2);
            }
        };
    }

    /** Strips diacritics (and đ) and upper-cases, as a passport or a foreign system would. */
    public static String fold(String name) {
        String nfd = Normalizer.normalize(name, Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'D');
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** A corruption mix: relative weights per kind; {@link #defaultMix()} weighs every kind equally. */
    public static Map<Corruption, Double> defaultMix() {
        Map<Corruption, Double> mix = new EnumMap<>(Corruption.class);
        for (Corruption c : Corruption.values()) {
            mix.put(c, 1.0);
        }
        return mix;
    }

    /**
     * Labelled variants of random entries of {@code watchlist}, kinds drawn from {@code mix}; a kind
     * that does not apply to the drawn entry is redrawn with another entry (up to 10,000 times, then
     * another kind is drawn). A mix whose kinds apply to no entry at all never finishes.
     */
    public List<Labelled> variants(List<Identity> watchlist, int count, Map<Corruption, Double> mix) {
        Corruption[] kinds = mix.keySet().toArray(Corruption[]::new);
        double[] w = new double[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            w[i] = mix.get(kinds[i]);
        }
        double[] c = cdf(w);
        List<Labelled> out = new ArrayList<>(count);
        while (out.size() < count) {
            Corruption kind = kinds[pick(c)];
            Labelled v = null;
            // Bounded: in a small watchlist a kind may apply to no entry at all (no Hoàng/Huỳnh/Vũ/Võ
            // for REGIONAL), which looped for ever; then the kind is drawn again. The bound is far
            // above what any kind needs in a realistic watchlist, so large runs are unchanged.
            for (int tries = 0; v == null && tries < 10_000; tries++) {
                v = variant(watchlist.get(random.nextInt(watchlist.size())), kind, "V" + out.size());
            }
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code count} hard negatives built from random entries. */
    public List<Labelled> hardNegatives(List<Identity> watchlist, int count) {
        List<Labelled> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(hardNegative(watchlist.get(random.nextInt(watchlist.size())), "H" + i));
        }
        return out;
    }

    /** {@code count} non-listed travellers. */
    public List<Identity> travellers(int count) {
        List<Identity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(traveller("T" + i));
        }
        return out;
    }
}
