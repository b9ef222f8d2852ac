package vn.childguard.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fellegi–Sunter style evidence scorer (Fellegi and Sunter 1969, "A Theory for Record Linkage").
 *
 * <p>Each compared part adds a weight in bits, roughly {@code log2(m/u)}: how much more likely that
 * outcome is for the same person ({@code m}) than for two different people ({@code u}). Name tokens
 * are weighted by their rarity in the index ({@code log2(N/df)}), so Nguyễn or Thị contribute
 * about 1–2 bits and a rare given name 8 or more. The weights below are hand-set from those
 * frequencies and then checked by the evaluation command (see the module README).
 *
 * <p>Package-private: the index owns the only instance of the data it reads.
 */
final class Scorer {

    // ---- name ----
    static final double NAME_CAP = 14.0;
    static final double REGIONAL_PENALTY = 1.0;
    static final double TYPO_FACTOR_LONG = 0.6;
    static final double TYPO_FACTOR_SHORT = 0.4;
    /** Bits removed from a one-edit agreement's rarity: typos are rarer than exact copies (m ~ 1/4). */
    static final double TYPO_DISCOUNT = 2.0;
    static final double ESTABLISHED_TYPO_FACTOR = 0.25;
    /**
     * One side's token is no established name (a string fewer than 1 in 10,000 entries carry) and
     * the other side's is, one edit away: the odd string is most likely a typo, and people with a
     * typo in their name are no rarer among non-matches than among matches, so the odd string
     * itself is no evidence either way. Given it, a match's token is within one edit of it almost
     * surely, a non-match's with the total share of the names one edit away ({@code u}). The
     * weight is therefore that share's rarity, {@code -log2(u)}, minus this margin for a genuinely
     * rare name rather than a typo, and never more than the established token's exact weight.
     */
    static final double NONWORD_DISCOUNT = 1.0;
    static final double GLUE_PENALTY = 1.0;
    static final double UNMATCHED_FACTOR = 1.0;
    /**
     * Even a common token that disagrees (Nguyễn vs Lê) costs this much: two people with different
     * family names are different people, however common each family name is.
     */
    static final double UNMATCHED_FLOOR = 1.5;
    static final double UNMATCHED_CAP = 4.0;
    static final double OMITTED_FACTOR = 0.25;
    /** A query token this rare (or rarer) may, with a year-only date agreement, open an alert. */
    static final double STRONG_TOKEN_BITS = 3.0;
    // ---- birth date ----
    /** log2(m/u) with u = 1/(75 x 365) (birth years spread over 75 years) and m about 0.85. */
    static final double DATE_EXACT = 14.5;
    /**
     * Assumed share of matched pairs with full dates on both sides whose date has its day and month
     * swapped, or is one day off: 1 in 13 each, the evaluation's corruption mix (11 of its kinds keep
     * the date, one swaps it, one moves it by a day). Real registers probably see fewer (say 1%):
     * then both weights below would be log2(0.077 / 0.01) = 2.9 bits lower. Recompute them from
     * the rates observed in production.
     */
    static final double DATE_SWAP_RATE = 1.0 / 13;
    static final double DATE_ONE_DAY_RATE = 1.0 / 13;
    static final double DATE_EXACT_RATE = 11.0 / 13;
    /** Share of dates whose day and month can be swapped into another real date (day <= 12, day != month). */
    static final double SWAPPABLE_SHARE = 12.0 * 11.0 / 365.0;
    /**
     * Swapped day/month: a non-match agrees this way exactly as often as on the exact date (one
     * date), so only m differs: given a swappable date, a match shows it swapped with odds
     * {@code SWAP_RATE : EXACT_RATE x SWAPPABLE_SHARE}. 14.5 - log2(11 x 0.36) = 12.5 bits.
     */
    static final double DATE_SWAPPED = DATE_EXACT - log2(DATE_EXACT_RATE * SWAPPABLE_SHARE / DATE_SWAP_RATE);
    /** One day off: two adjacent dates double u (-1 bit); m is ONE_DAY_RATE. 14.5 - log2(11) - 1 = 10.0 bits. */
    static final double DATE_ONE_DAY = DATE_EXACT - log2(DATE_EXACT_RATE / DATE_ONE_DAY_RATE) - 1.0;
    static final double DATE_YEAR = 6.0;
    static final double DATE_YEAR_DIFFERENT = -8.0;
    static final double DATE_SAME_YEAR_DIFFERENT_DAY = -6.0;
    static final double DATE_DIFFERENT = -10.0;
    // ---- documents ----
    /**
     * Exact document: {@code min(20, 3 x length)} bits; one edit: {@code min(16, 1.5 x length)} bits. A
     * random one-edit agreement of two 8-character passport numbers has u of about 2e-6 per pair,
     * so even there one edit is worth 12 bits; 12-digit citizen IDs reach the cap.
     */
    static final double DOC_EXACT_CAP = 20.0;
    /**
     * A digit carries log2(10) = 3.3 bits, a passport's series letter (one of 4) 2: an 8-character
     * passport number (one letter, 7 digits) is 25 bits of u, so 3 bits per character, capped at 20,
     * under-states it less than the former 2 per character (16 bits) did.
     */
    static final double DOC_EXACT_BITS_PER_CHAR = 3.0;
    static final double DOC_NEAR_CAP = 16.0;
    static final double DOC_DIFFERENT = -3.0;
    // ---- citizen-ID cross-check (12-digit CCCD: century+sex digit and birth-year digits) ----
    static final double CCCD_CONSISTENT = 1.5;
    static final double CCCD_YEAR_CONFLICT = -5.0;
    static final double CCCD_SEX_CONFLICT = -2.0;
    // ---- sex, nationality ----
    /** Small: sex is mostly implied by the middle name (Thị, Văn) already counted in the name. */
    static final double SEX_AGREE = 0.5;
    static final double SEX_DISAGREE = -4.0;
    /** Small: most people on both sides are Vietnamese, so agreement says little. */
    static final double NATIONALITY_AGREE = 0.2;
    static final double NATIONALITY_DISAGREE = -2.0;
    /**
     * Total weight at which the score is 0.5: {@code score = 1 / (1 + 2^(MIDPOINT - W))}. 23 bits
     * is the lowest point of the evaluation sweep (100,000 entries, quarter-bit steps, seeds 42 and
     * 7) that keeps alerts on non-listed travellers with full birth dates at or under 2 per 1,000:
     * about log2(N) = 16.6 bits for "one entry among N" plus 6.4 bits of margin. It was 22.5 bits
     * while swapped and one-day dates weighed 9 bits; their calibrated weights find more twins at
     * those dates, which the extra half bit pays for. See the README for the recall this costs and the sweep to pick another point.
     */
    static final double MIDPOINT_BITS = 23.0;

    /**
     * The highest score a pair can reach when its only decisive evidence is a year-only date
     * agreement: name at its cap, citizen-ID agreement, sex and nationality agreement. Above it
     * the index need not look for such pairs at all.
     */
    static final double MAX_YEAR_ONLY_SCORE =
            1.0 / (1.0 + Math.pow(2.0, MIDPOINT_BITS - (NAME_CAP + DATE_YEAR + CCCD_CONSISTENT + SEX_AGREE + NATIONALITY_AGREE)));

    enum DateKind { NONE, EXACT, SWAPPED, ONE_DAY, YEAR, YEAR_DIFFERENT, SAME_YEAR_DIFFERENT_DAY, DIFFERENT }

    enum DocKind { NONE, EXACT, NEAR, DIFFERENT }

    static final byte NO = 0;
    static final byte EXACT = 1;
    static final byte REGIONAL = 2;
    static final byte TYPO = 3;
    static final byte GLUED = 4;

    /** Per-thread scratch and result of one comparison; reused to keep the hot loop allocation-free. */
    static final class Evidence {
        final double[] pairWeight = new double[Prepared.MAX_TOKENS * Prepared.MAX_TOKENS];
        final byte[] pairKind = new byte[Prepared.MAX_TOKENS * Prepared.MAX_TOKENS];
        final byte[] queryMatch = new byte[Prepared.MAX_TOKENS];
        final byte[] entryMatch = new byte[Prepared.MAX_TOKENS];
        double name;
        boolean strongToken;
        int exact;
        int regional;
        int typo;
        int glued;
        int unmatched;
        DateKind date;
        double dateW;
        DocKind doc;
        double docW;
        double cccdW;
        String cccdNote;
        double sexW;
        double nationalityW;
        double total;

        double score() {
            return 1.0 / (1.0 + Math.pow(2.0, MIDPOINT_BITS - total));
        }

        /**
         * The gate that keeps a name from alerting on its own: a full-date agreement (exact, swapped
         * or one day apart), a document agreement, or a year-only agreement together with a rare
         * agreeing name token.
         */
        boolean hasDecisiveEvidence() {
            return date == DateKind.EXACT || date == DateKind.SWAPPED || date == DateKind.ONE_DAY
                    || doc == DocKind.EXACT || doc == DocKind.NEAR
                    || (date == DateKind.YEAR && strongToken);
        }

        List<Reason> reasons(int queryTokens, int entryTokens) {
            List<Reason> out = new ArrayList<>(6);
            StringBuilder sb = new StringBuilder();
            sb.append(exact + regional + typo + glued).append('/').append(Math.max(queryTokens, entryTokens)).append(" tokens");
            if (regional > 0) {
                sb.append(" regional ").append(regional);
            }
            if (typo > 0) {
                sb.append(" typo ").append(typo);
            }
            if (glued > 0) {
                sb.append(" glued ").append(glued);
            }
            if (unmatched > 0) {
                sb.append(" unmatched ").append(unmatched);
            }
            out.add(new Reason("name", sb.toString(), name));
            if (date != DateKind.NONE) {
                out.add(new Reason("birth_date", date.name().toLowerCase(Locale.ROOT), dateW));
            }
            if (doc != DocKind.NONE) {
                out.add(new Reason("document", doc == DocKind.NEAR ? "one_edit" : doc.name().toLowerCase(Locale.ROOT), docW));
            }
            if (cccdNote != null) {
                out.add(new Reason("citizen_id", cccdNote, cccdW));
            }
            if (sexW != 0) {
                out.add(new Reason("sex", sexW > 0 ? "agree" : "disagree", sexW));
            }
            if (nationalityW != 0) {
                out.add(new Reason("nationality", nationalityW > 0 ? "agree" : "disagree", nationalityW));
            }
            return out;
        }
    }

    private Scorer() {
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** Scores entry {@code e} of {@code index} against the resolved query {@code q} into {@code ev}. */
    static void score(MatchIndex index, MatchIndex.Query q, int e, Evidence ev) {
        name(index, q, e, ev);
        date(q.prepared.date, index.date(e), ev);
        documents(index, q, e, ev);
        cccd(index, q, e, ev);
        Sex es = index.sex(e);
        Sex qs = q.prepared.sex;
        ev.sexW = qs == Sex.UNKNOWN || es == Sex.UNKNOWN ? 0 : (qs == es ? SEX_AGREE : SEX_DISAGREE);
        String en = index.nationality(e);
        String qn = q.prepared.nationality;
        ev.nationalityW = qn.isEmpty() || en.isEmpty() || qn.length() != en.length() ? 0
                : (qn.equals(en) ? NATIONALITY_AGREE : NATIONALITY_DISAGREE);
        ev.total = ev.name + ev.dateW + ev.docW + ev.cccdW + ev.sexW + ev.nationalityW;
    }

    /**
     * Order-free token alignment: every (query token, entry token) pair is classified exact,
     * regional (same regional key), typo (shared deletion-neighbourhood member: one edit) or none,
     * then pairs are taken greedily by weight (optimal for the near-diagonal weight matrices real
     * names give, and at most 8x8). Left-over tokens may match as two tokens glued together.
     * Unmatched tokens cost half their weight, capped, so a missing middle name (Văn, Thị: about
     * 1–2 bits) costs little and a different given name costs a lot.
     */
    private static void name(MatchIndex index, MatchIndex.Query q, int e, Evidence ev) {
        int m = q.prepared.tokens.length;
        int from = index.tokenFrom(e);
        int n = index.tokenTo(e) - from;
        double[] pw = ev.pairWeight;
        byte[] pk = ev.pairKind;
        boolean strong = false;
        for (int i = 0; i < m; i++) {
            int qt = q.tokenIds[i];
            int qc = q.canonIds[i];
            long[] qn = q.prepared.tokenNeighbourhoods[i];
            for (int j = 0; j < n; j++) {
                int t = index.token(from + j);
                int c = index.canonOf(t);
                int k = i * n + j;
                if (qt == t) {
                    pk[k] = EXACT;
                    pw[k] = index.weight(c);
                } else if (qc == c) {
                    pk[k] = REGIONAL;
                    pw[k] = Math.max(0.5, index.weight(c) - REGIONAL_PENALTY);
                } else if (NameNormalizer.intersects(qn, index.neighbourhood(c))) {
                    pk[k] = TYPO;
                    // Two established names one edit apart (ANH/OANH, HANH/PHAN) are usually two
                    // different names, not a typo: real typos mostly produce strings nobody else has.
                    boolean qe = q.established[i];
                    boolean ee = index.established(c);
                    if (qe != ee) {
                        double odd = qe ? index.neighbourBits(c) : q.neighbourBits[i];
                        double cap = qe ? q.weights[i] : index.weight(c);
                        pw[k] = Math.max(index.typoWeight(c), Math.min(cap, odd - NONWORD_DISCOUNT));
                    } else {
                        pw[k] = index.typoWeight(c) * (qe && ee ? ESTABLISHED_TYPO_FACTOR : 1.0);
                    }
                } else {
                    pk[k] = NO;
                    pw[k] = 0;
                    continue;
                }
                if (q.weights[i] >= STRONG_TOKEN_BITS) {
                    strong = true;
                }
            }
        }
        byte[] qm = ev.queryMatch;
        byte[] em = ev.entryMatch;
        java.util.Arrays.fill(qm, 0, m, NO);
        java.util.Arrays.fill(em, 0, n, NO);
        double total = 0;
        int exact = 0;
        int regional = 0;
        int typo = 0;
        while (true) {
            int best = -1;
            double bw = 0;
            for (int i = 0; i < m; i++) {
                if (qm[i] != NO) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    int k = i * n + j;
                    if (em[j] == NO && pk[k] != NO && pw[k] > bw) {
                        bw = pw[k];
                        best = k;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            int bi = best / n;
            int bj = best % n;
            qm[bi] = pk[best];
            em[bj] = pk[best];
            total += bw;
            switch (pk[best]) {
                case EXACT -> exact++;
                case REGIONAL -> regional++;
                default -> typo++;
            }
        }
        int glued = 0;
        // A query token equal to two leftover entry tokens glued together (THIANH vs THI ANH), and the reverse.
        for (int i = 0; i < m; i++) {
            if (qm[i] != NO) {
                continue;
            }
            String whole = q.prepared.canonical[i];
            outer:
            for (int a = 0; a < n; a++) {
                if (em[a] != NO) {
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    if (b == a || em[b] != NO) {
                        continue;
                    }
                    int ca = index.canonOf(index.token(from + a));
                    int cb = index.canonOf(index.token(from + b));
                    if (concatEquals(whole, index.canonical(ca), index.canonical(cb))) {
                        qm[i] = GLUED;
                        em[a] = GLUED;
                        em[b] = GLUED;
                        total += Math.max(0.5, index.weight(ca) + index.weight(cb) - GLUE_PENALTY);
                        glued++;
                        break outer;
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (em[j] != NO) {
                continue;
            }
            int cj = index.canonOf(index.token(from + j));
            String whole = index.canonical(cj);
            outer:
            for (int a = 0; a < m; a++) {
                if (qm[a] != NO) {
                    continue;
                }
                for (int b = 0; b < m; b++) {
                    if (b == a || qm[b] != NO) {
                        continue;
                    }
                    if (concatEquals(whole, q.prepared.canonical[a], q.prepared.canonical[b])) {
                        em[j] = GLUED;
                        qm[a] = GLUED;
                        qm[b] = GLUED;
                        total += Math.max(0.5, index.weight(cj) - GLUE_PENALTY);
                        glued++;
                        break outer;
                    }
                }
            }
        }
        int unmatchedQuery = 0;
        int unmatchedEntry = 0;
        for (int i = 0; i < m; i++) {
            unmatchedQuery += qm[i] == NO ? 1 : 0;
        }
        for (int j = 0; j < n; j++) {
            unmatchedEntry += em[j] == NO ? 1 : 0;
        }
        // A token with nothing left to pair with on the other side was omitted or added (a middle
        // name, one half of a compound): common for one person. Leftovers on both sides mean
        // different names: evidence against.
        boolean different = unmatchedQuery > 0 && unmatchedEntry > 0;
        double factor = different ? UNMATCHED_FACTOR : OMITTED_FACTOR;
        double floor = different ? UNMATCHED_FLOOR : 0.0;
        for (int i = 0; i < m; i++) {
            if (qm[i] == NO) {
                total -= Math.max(floor, Math.min(UNMATCHED_CAP, factor * q.weights[i]));
            }
        }
        for (int j = 0; j < n; j++) {
            if (em[j] == NO) {
                total -= Math.max(floor, Math.min(UNMATCHED_CAP, factor * index.weight(index.canonOf(index.token(from + j)))));
            }
        }
        int unmatched = unmatchedQuery + unmatchedEntry;
        ev.name = Math.min(NAME_CAP, total);
        ev.strongToken = strong;
        ev.exact = exact;
        ev.regional = regional;
        ev.typo = typo;
        ev.glued = glued;
        ev.unmatched = unmatched;
    }

    static boolean concatEquals(String whole, String a, String b) {
        return whole.length() == a.length() + b.length() && whole.startsWith(a)
                && whole.regionMatches(a.length(), b, 0, b.length());
    }

    private static void date(int q, int e, Evidence ev) {
        DateKind kind;
        if (q == 0 || e == 0) {
            kind = DateKind.NONE;
        } else if (!Dates.isFull(q) || !Dates.isFull(e)) {
            kind = Dates.year(q) == Dates.year(e) ? DateKind.YEAR : DateKind.YEAR_DIFFERENT;
        } else if (q == e) {
            kind = DateKind.EXACT;
        } else if (Dates.swapped(q) == e) {
            kind = DateKind.SWAPPED;
        } else if (Math.abs(Dates.toDays(q) - Dates.toDays(e)) == 1) {
            kind = DateKind.ONE_DAY;
        } else if (Dates.year(q) == Dates.year(e)) {
            kind = DateKind.SAME_YEAR_DIFFERENT_DAY;
        } else {
            kind = DateKind.DIFFERENT;
        }
        ev.date = kind;
        ev.dateW = switch (kind) {
            case NONE -> 0;
            case EXACT -> DATE_EXACT;
            case SWAPPED -> DATE_SWAPPED;
            case ONE_DAY -> DATE_ONE_DAY;
            case YEAR -> DATE_YEAR;
            case YEAR_DIFFERENT -> DATE_YEAR_DIFFERENT;
            case SAME_YEAR_DIFFERENT_DAY -> DATE_SAME_YEAR_DIFFERENT_DAY;
            case DIFFERENT -> DATE_DIFFERENT;
        };
    }

    private static void documents(MatchIndex index, MatchIndex.Query q, int e, Evidence ev) {
        DocKind best = DocKind.NONE;
        int bestLength = 0;
        int from = index.docFrom(e);
        int to = index.docTo(e);
        String[] qd = q.prepared.documents;
        for (int i = 0; i < qd.length && best != DocKind.EXACT; i++) {
            for (int j = from; j < to; j++) {
                String ed = index.document(j);
                if (qd[i].equals(ed)) {
                    best = DocKind.EXACT;
                    bestLength = ed.length();
                    break;
                }
                if (NameNormalizer.intersects(q.prepared.documentNeighbourhoods[i], index.documentNeighbourhood(j))) {
                    if (best != DocKind.NEAR || ed.length() > bestLength) {
                        bestLength = Math.min(ed.length(), qd[i].length());
                    }
                    best = DocKind.NEAR;
                } else if (best == DocKind.NONE && sameShape(qd[i], ed)) {
                    best = DocKind.DIFFERENT;
                }
            }
        }
        ev.doc = best;
        // Longer numbers are less likely to agree by chance: a 12-digit citizen ID one digit off is
        // still strong evidence, an 8-character passport number one character off much less.
        ev.docW = switch (best) {
            case NONE -> 0;
            case EXACT -> Math.min(DOC_EXACT_CAP, DOC_EXACT_BITS_PER_CHAR * bestLength);
            case NEAR -> Math.min(DOC_NEAR_CAP, 1.5 * bestLength);
            case DIFFERENT -> DOC_DIFFERENT;
        };
    }

    /** Same length and same letter/digit pattern: two numbers of one document type. */
    static boolean sameShape(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (Character.isDigit(a.charAt(i)) != Character.isDigit(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cross-checks a 12-digit citizen ID (CCCD) on one side against the birth year and sex on the
     * other: digit 4 encodes century and sex (0/1 = 1900s male/female, 2/3 = 2000s, ...), digits
     * 5–6 the last two digits of the birth year. The province code (digits 1–3) is not checked:
     * neither side carries a place of birth.
     */
    private static void cccd(MatchIndex index, MatchIndex.Query q, int e, Evidence ev) {
        int verdict = 0; // bit 1: consistent year, bit 2: conflicting year, bit 4: conflicting sex
        int edate = index.date(e);
        Sex esex = index.sex(e);
        for (String d : q.prepared.documents) {
            verdict |= cccdVerdict(d, q.prepared.date, q.prepared.sex, edate, esex);
        }
        for (int j = index.docFrom(e); j < index.docTo(e); j++) {
            verdict |= cccdVerdict(index.document(j), edate, esex, q.prepared.date, q.prepared.sex);
        }
        double w = 0;
        String note = null;
        if ((verdict & 2) != 0) {
            w += CCCD_YEAR_CONFLICT;
            note = "year_conflict";
        } else if ((verdict & 1) != 0) {
            w += CCCD_CONSISTENT;
            note = "consistent";
        }
        if ((verdict & 4) != 0) {
            w += CCCD_SEX_CONFLICT;
            note = note == null ? "sex_conflict" : note + "+sex_conflict";
        }
        ev.cccdW = w;
        ev.cccdNote = note;
    }

    /**
     * Verdict for the ID of one side against the other side's date and sex. Agreement is counted
     * only when the ID's owner has no date of its own (otherwise it merely repeats the date
     * comparison); conflicts always count, as they reveal a different person or a wrong record.
     */
    static int cccdVerdict(String doc, int ownDate, Sex ownSex, int date, Sex sex) {
        if (doc.length() != 12 || !isDigits(doc)) {
            return 0;
        }
        int code = doc.charAt(3) - '0';
        int verdict = 0;
        if (date != 0) {
            int year = 1900 + (code / 2) * 100 + (doc.charAt(4) - '0') * 10 + (doc.charAt(5) - '0');
            verdict |= year == Dates.year(date) ? (ownDate == 0 ? 1 : 0) : 2;
        }
        if (sex != Sex.UNKNOWN && ownSex == Sex.UNKNOWN) {
            Sex coded = code % 2 == 0 ? Sex.MALE : Sex.FEMALE;
            verdict |= coded == sex ? 0 : 4;
        }
        return verdict;
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
