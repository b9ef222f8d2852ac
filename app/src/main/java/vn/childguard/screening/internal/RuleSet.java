package vn.childguard.screening.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of the screening rules, as data: a weight per rule, the alert and match thresholds,
 * the risk countries, the visas that weigh more, the hotspot communes and the window of the
 * repeated-companion rule. Stored as {@code key=value} lines in {@code screening_rule_set}.
 */
public record RuleSet(int version, Map<String, Integer> weights, int alertThreshold, double matchThreshold,
                      Set<String> riskCountries, Set<String> riskyVisas, Set<String> hotspotCommunes, int windowDays,
                      int distinctMinors) {

    public static final List<String> WEIGHTS = Arrays.stream(Rule.values()).map(Enum::name).toList();

    /** The rules and the extra weights of the minor rule. */
    public enum Rule {
        WATCHLIST, AT_RISK_CHILD, MINOR_TO_RISK_COUNTRY, MINOR_UNDER_14, RISKY_VISA, NO_GUARDIAN,
        ADULT_WITH_UNRELATED_MINORS, SAME_ADULT_DIFFERENT_MINORS, HOTSPOT_COMMUNE, COMPANION_ON_WATCHLIST
    }

    public int weight(Rule rule) {
        return weights.getOrDefault(rule.name(), 0);
    }

    /** Parses a definition; problems are bundle keys by field name (empty when valid). */
    public static RuleSet parse(int version, String definition, Map<String, String> problems) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(definition));
        } catch (IOException | IllegalArgumentException e) {
            problems.put("definition", "screening.rules.error.syntax");
            return null;
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String rule : WEIGHTS) {
            weights.put(rule, intValue(p, "weight." + rule, 0, 1000, problems));
        }
        int alertThreshold = intValue(p, "alert_threshold", 1, 10000, problems);
        double match = 0.5;
        try {
            match = Double.parseDouble(p.getProperty("match_threshold", "").strip());
            if (match <= 0 || match >= 1) {
                problems.put("match_threshold", "screening.rules.error.probability");
            }
        } catch (NumberFormatException e) {
            problems.put("match_threshold", "screening.rules.error.probability");
        }
        Set<String> countries = codes(p, "risk_countries", "[A-Z]{2}", problems);
        Set<String> visas = codes(p, "risky_visas", "[A-Z_]{2,30}", problems);
        Set<String> communes = codes(p, "hotspot_communes", "[0-9]{5}", problems);
        int window = intValue(p, "window_days", 1, 3650, problems);
        int minors = intValue(p, "distinct_minors", 2, 100, problems);
        return new RuleSet(version, weights, alertThreshold, match, countries, visas, communes, window, minors);
    }

    public static RuleSet parse(int version, String definition) {
        Map<String, String> problems = new LinkedHashMap<>();
        RuleSet set = parse(version, definition, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid rule set " + version + ": " + problems);
        }
        return set;
    }

    /** The definition text of this rule set (keys in a stable order). */
    public String definition() {
        List<String> lines = new ArrayList<>();
        lines.add("alert_threshold=" + alertThreshold);
        lines.add("match_threshold=" + matchThreshold);
        weights.forEach((k, v) -> lines.add("weight." + k + "=" + v));
        lines.add("risk_countries=" + String.join(",", riskCountries));
        lines.add("risky_visas=" + String.join(",", riskyVisas));
        lines.add("hotspot_communes=" + String.join(",", hotspotCommunes));
        lines.add("window_days=" + windowDays);
        lines.add("distinct_minors=" + distinctMinors);
        return String.join("\n", lines);
    }

    private static int intValue(Properties p, String key, int min, int max, Map<String, String> problems) {
        try {
            int v = Integer.parseInt(p.getProperty(key, "").strip());
            if (v < min || v > max) {
                problems.put(key, "screening.rules.error.range");
            }
            return v;
        } catch (NumberFormatException e) {
            problems.put(key, "screening.rules.error.number");
            return 0;
        }
    }

    private static Set<String> codes(Properties p, String key, String pattern, Map<String, String> problems) {
        Set<String> out = new TreeSet<>();
        for (String c : p.getProperty(key, "").split("[,;\\s]+")) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches(pattern)) {
                problems.put(key, "screening.rules.error.codes");
            }
            out.add(code);
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
