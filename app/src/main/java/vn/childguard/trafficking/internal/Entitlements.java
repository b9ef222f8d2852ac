package vn.childguard.trafficking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childguard.shared.Csv;

/**
 * The Art. 37 support matrix as data (reference/trafficking-benefit-rules.csv, loaded into
 * {@code tc_benefit_rule}): benefit × status × where × nationality/residence × accompanying under-18
 * → entitled or not. No rule in the table means not entitled. Pure: no Spring, no database.
 */
public final class Entitlements {

    public static final String CSV = "reference/trafficking-benefit-rules.csv";

    public enum Benefit {
        ESSENTIAL_NEEDS, MEDICAL, INTERPRETATION, LEGAL_ADVICE, LEGAL_AID, TRAVEL_HOME, PSYCHOLOGICAL, EDUCATION,
        VOCATIONAL_TRAINING, JOB_FACILITATION, HARDSHIP_ALLOWANCE, LOAN
    }

    /** Victim, or person being identified (đang trong quá trình xác định là nạn nhân). */
    public enum PersonStatus { VICTIM, UNDER_IDENTIFICATION }

    public enum Location { ABROAD, IN_VIETNAM }

    public enum Residence { CITIZEN, FOREIGN_RESIDENT }

    /** Whom the question is about. */
    public record Situation(PersonStatus status, Location location, Residence residence, boolean accompanyingMinor) {
    }

    /** One row of the matrix. */
    public record Rule(Benefit benefit, Situation situation, boolean entitled, String basis) {
    }

    private final Map<Benefit, Map<Situation, Rule>> rules = new HashMap<>();

    public Entitlements(List<Rule> rows) {
        for (Rule r : rows) {
            rules.computeIfAbsent(r.benefit(), b -> new HashMap<>()).put(r.situation(), r);
        }
    }

    public boolean entitled(Benefit benefit, Situation situation) {
        Rule r = rules.getOrDefault(benefit, Map.of()).get(situation);
        return r != null && r.entitled();
    }

    /** The benefits the situation entitles to, in the order of the law. */
    public Set<Benefit> entitledTo(Situation situation) {
        Set<Benefit> result = EnumSet.noneOf(Benefit.class);
        for (Benefit b : Benefit.values()) {
            if (entitled(b, situation)) {
                result.add(b);
            }
        }
        return result;
    }

    public String basis(Benefit benefit, Situation situation) {
        Rule r = rules.getOrDefault(benefit, Map.of()).get(situation);
        return r == null ? null : r.basis();
    }

    /** Reads the matrix from its CSV. */
    public static List<Rule> read(InputStream in) {
        try {
            List<Rule> rows = new ArrayList<>();
            for (Csv.Row row : Csv.read(in, "benefit", "person_status", "location", "residence", "accompanying_minor",
                    "entitled", "basis")) {
                rows.add(new Rule(Benefit.valueOf(row.require("benefit")),
                        new Situation(PersonStatus.valueOf(row.require("person_status")),
                                Location.valueOf(row.require("location")), Residence.valueOf(row.require("residence")),
                                Boolean.parseBoolean(row.require("accompanying_minor"))),
                        Boolean.parseBoolean(row.require("entitled")), row.get("basis")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matrix as shipped on the class path. */
    public static List<Rule> shipped() {
        try (InputStream in = Entitlements.class.getClassLoader().getResourceAsStream(CSV)) {
            if (in == null) {
                throw new IllegalStateException(CSV + " missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
