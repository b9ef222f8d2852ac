package vn.childguard.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.childguard.screening.internal.RuleSet.Rule;

/**
 * The rules, applied to one traveller with what is known about their trip. Pure: everything it
 * needs (match candidates, companions and whether they are family, the adult's minors in the
 * window) is looked up beforehand, so each rule is tested on its own.
 */
public final class ScreeningRules {

    private ScreeningRules() {
    }

    /** A watchlist entry or register person the traveller may be. */
    public record Candidate(String source, String id, String label, double score, String reasons) {
    }

    /**
     * Someone on the same booking. {@code related}: a parent or guardian of the traveller or a child of
     * theirs; {@code relation} says how it is known ({@code REGISTER}, {@code FAMILY_NAME}, {@code NONE}).
     */
    public record Companion(TravelRecord record, boolean related, String relation, List<Candidate> watchlist) {
        public Companion {
            watchlist = List.copyOf(watchlist);
        }
    }

    public record Subject(TravelRecord record, List<Candidate> watchlist, List<Candidate> atRisk, String registeredUnitCode,
                          List<Companion> companions, int distinctMinorsInWindow) {
        public Subject {
            watchlist = List.copyOf(watchlist);
            atRisk = List.copyOf(atRisk);
            companions = List.copyOf(companions);
        }
    }

    /** One rule that fired: its weight and a bundle key with arguments explaining why. */
    public record Fired(Rule rule, int weight, String messageKey, List<String> args) {
        public Fired {
            args = List.copyOf(args);
        }
    }

    public record Evaluation(List<Fired> fired, int score) {
        public boolean alerts(RuleSet rules) {
            return !fired.isEmpty() && score >= rules.alertThreshold();
        }

        public Set<Rule> rules() {
            Set<Rule> out = new TreeSet<>();
            fired.forEach(f -> out.add(f.rule()));
            return out;
        }
    }

    public static Evaluation evaluate(RuleSet rules, Subject s) {
        List<Fired> fired = new ArrayList<>();
        watchlist(rules, s, fired);
        atRiskChild(rules, s, fired);
        minorToRiskCountry(rules, s, fired);
        adultWithUnrelatedMinors(rules, s, fired);
        sameAdultDifferentMinors(rules, s, fired);
        hotspotCommune(rules, s, fired);
        companionOnWatchlist(rules, s, fired);
        int score = fired.stream().mapToInt(Fired::weight).sum();
        return new Evaluation(fired, score);
    }

    static void watchlist(RuleSet rules, Subject s, List<Fired> out) {
        s.watchlist().stream().findFirst().ifPresent(best -> out.add(new Fired(Rule.WATCHLIST,
                (int) Math.round(rules.weight(Rule.WATCHLIST) * Math.max(0.5, best.score())),
                "screening.rule.WATCHLIST", List.of(best.id(), String.format(java.util.Locale.ROOT, "%.2f", best.score())))));
    }

    static void atRiskChild(RuleSet rules, Subject s, List<Fired> out) {
        s.atRisk().stream().findFirst().ifPresent(best -> out.add(new Fired(Rule.AT_RISK_CHILD,
                (int) Math.round(rules.weight(Rule.AT_RISK_CHILD) * Math.max(0.5, best.score())),
                "screening.rule.AT_RISK_CHILD", List.of(best.label()))));
    }

    static void minorToRiskCountry(RuleSet rules, Subject s, List<Fired> out) {
        TravelRecord r = s.record();
        Integer age = r.ageOnTravel();
        if (age == null || age >= 18 || !"EXIT".equals(r.direction())) {
            return;
        }
        List<String> risky = new ArrayList<>();
        if (r.destinationCountry() != null && rules.riskCountries().contains(r.destinationCountry())) {
            risky.add(r.destinationCountry());
        }
        r.transitCountries().stream().filter(rules.riskCountries()::contains).forEach(risky::add);
        if (risky.isEmpty()) {
            return;
        }
        int weight = rules.weight(Rule.MINOR_TO_RISK_COUNTRY);
        List<String> why = new ArrayList<>();
        if (age < 14) {
            weight += rules.weight(Rule.MINOR_UNDER_14);
            why.add("under14");
        } else {
            why.add("14to17");
        }
        if (r.visaType() != null && rules.riskyVisas().contains(r.visaType())) {
            weight += rules.weight(Rule.RISKY_VISA);
            why.add("visa");
        }
        boolean guardian = s.companions().stream().anyMatch(c -> c.related() && !c.record().minor());
        if (!guardian) {
            weight += rules.weight(Rule.NO_GUARDIAN);
            why.add("noGuardian");
        }
        out.add(new Fired(Rule.MINOR_TO_RISK_COUNTRY, weight, "screening.rule.MINOR_TO_RISK_COUNTRY",
                List.of(String.valueOf(age), String.join(", ", risky), String.join(",", why))));
    }

    static void adultWithUnrelatedMinors(RuleSet rules, Subject s, List<Fired> out) {
        if (s.record().minor() || s.record().ageOnTravel() == null) {
            return;
        }
        long unrelated = s.companions().stream().filter(c -> c.record().minor() && !c.related()).count();
        if (unrelated > 0) {
            out.add(new Fired(Rule.ADULT_WITH_UNRELATED_MINORS, rules.weight(Rule.ADULT_WITH_UNRELATED_MINORS),
                    "screening.rule.ADULT_WITH_UNRELATED_MINORS", List.of(String.valueOf(unrelated))));
        }
    }

    static void sameAdultDifferentMinors(RuleSet rules, Subject s, List<Fired> out) {
        if (s.record().minor()) {
            return;
        }
        if (s.distinctMinorsInWindow() >= rules.distinctMinors()) {
            out.add(new Fired(Rule.SAME_ADULT_DIFFERENT_MINORS, rules.weight(Rule.SAME_ADULT_DIFFERENT_MINORS),
                    "screening.rule.SAME_ADULT_DIFFERENT_MINORS",
                    List.of(String.valueOf(s.distinctMinorsInWindow()), String.valueOf(rules.windowDays()))));
        }
    }

    static void hotspotCommune(RuleSet rules, Subject s, List<Fired> out) {
        if (s.registeredUnitCode() != null && rules.hotspotCommunes().contains(s.registeredUnitCode())) {
            out.add(new Fired(Rule.HOTSPOT_COMMUNE, rules.weight(Rule.HOTSPOT_COMMUNE), "screening.rule.HOTSPOT_COMMUNE",
                    List.of(s.registeredUnitCode())));
        }
    }

    static void companionOnWatchlist(RuleSet rules, Subject s, List<Fired> out) {
        s.companions().stream().filter(c -> !c.watchlist().isEmpty()).findFirst().ifPresent(c -> out.add(new Fired(
                Rule.COMPANION_ON_WATCHLIST, rules.weight(Rule.COMPANION_ON_WATCHLIST),
                "screening.rule.COMPANION_ON_WATCHLIST", List.of(c.record().recordId(), c.watchlist().get(0).id()))));
    }
}
