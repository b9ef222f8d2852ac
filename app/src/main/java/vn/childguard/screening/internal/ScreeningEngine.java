package vn.childguard.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.childguard.matching.MatchIndex;
import vn.childguard.screening.internal.RecordStore.Stored;
import vn.childguard.screening.internal.ScreeningRules.Candidate;
import vn.childguard.screening.internal.ScreeningRules.Companion;

/**
 * Screens stored records in a chunk: finds each traveller's companions (same booking on the same
 * day, or named in {@code companion_record_ids}), matches everyone against the watchlist and the
 * at-risk children, records adult–minor pairs, applies the rules and returns the alerts.
 */
@Component
public class ScreeningEngine {

    /** An alert to store. */
    public record AlertDraft(String recordId, Long batchId, String travellerKey, String tripKey, java.time.LocalDate travelDate,
                             int score, String rules, boolean watchlistMatch, boolean minor, String details, int ruleVersion,
                             Long atRiskPersonId) {
    }

    private final RecordStore store;
    private final WatchlistIndex watchlist;
    private final AtRiskIndex atRisk;

    ScreeningEngine(RecordStore store, WatchlistIndex watchlist, AtRiskIndex atRisk) {
        this.store = store;
        this.watchlist = watchlist;
        this.atRisk = atRisk;
    }

    public List<AlertDraft> screen(List<Stored> subjects, Long batchId, RuleSet rules) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        MatchIndex wl = watchlist.index();
        AtRiskIndex.Snapshot children = atRisk.snapshot();
        Map<String, Stored> all = new LinkedHashMap<>();
        subjects.forEach(s -> all.put(s.record().recordId(), s));
        Set<String> refs = subjects.stream().map(s -> s.record().bookingRef()).filter(b -> b != null)
                .collect(Collectors.toSet());
        if (!refs.isEmpty()) {
            // a batch chunk is the rows seq in (min - 1, max] of its batch: those are in hand already
            int lo = subjects.stream().mapToInt(Stored::seq).min().orElse(0) - 1;
            int hi = subjects.stream().mapToInt(Stored::seq).max().orElse(0);
            store.bookingMates(refs, batchId, lo, hi).forEach(s -> all.putIfAbsent(s.record().recordId(), s));
        }
        Set<String> named = subjects.stream().flatMap(s -> s.record().companionRecordIds().stream())
                .filter(id -> !all.containsKey(id)).collect(Collectors.toSet());
        if (!named.isEmpty()) {
            store.byRecordIds(named).forEach(s -> all.putIfAbsent(s.record().recordId(), s));
        }
        Map<String, List<Stored>> byBooking = new HashMap<>();
        for (Stored s : all.values()) {
            if (s.record().bookingRef() != null) {
                byBooking.computeIfAbsent(s.record().bookingRef() + "|" + s.record().travelDate(), k -> new ArrayList<>()).add(s);
            }
        }
        // matching is most of the work and needs nothing but the record: everyone at once, on both cores
        Map<String, List<Candidate>> wlCache = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, List<Candidate>> childCache = new java.util.concurrent.ConcurrentHashMap<>();
        new ArrayList<>(all.values()).parallelStream().forEach(s -> {
            wlCache.put(s.record().recordId(), WatchlistIndex.candidates(wl, s.record().identity(), rules.matchThreshold()));
            childCache.put(s.record().recordId(), s.record().minor()
                    ? AtRiskIndex.candidates(children, s.record().identity(), rules.matchThreshold()) : List.of());
        });
        java.util.function.Function<Stored, List<Candidate>> wlOf = s -> wlCache.computeIfAbsent(s.record().recordId(),
                k -> WatchlistIndex.candidates(wl, s.record().identity(), rules.matchThreshold()));
        java.util.function.Function<Stored, List<Candidate>> childOf = s -> childCache.computeIfAbsent(s.record().recordId(),
                k -> s.record().minor() ? AtRiskIndex.candidates(children, s.record().identity(), rules.matchThreshold()) : List.of());

        Map<String, List<Companion>> companionsOf = new HashMap<>();
        List<String[]> pairs = new ArrayList<>();
        List<java.time.LocalDate> pairDates = new ArrayList<>();
        for (Stored s : subjects) {
            Map<String, Stored> mates = new LinkedHashMap<>();
            if (s.record().bookingRef() != null) {
                for (Stored m : byBooking.getOrDefault(s.record().bookingRef() + "|" + s.record().travelDate(), List.of())) {
                    mates.put(m.record().recordId(), m);
                }
            }
            for (String id : s.record().companionRecordIds()) {
                Stored m = all.get(id);
                if (m != null) {
                    mates.put(id, m);
                }
            }
            mates.remove(s.record().recordId());
            List<Companion> companions = new ArrayList<>();
            for (Stored m : mates.values()) {
                String relation = relation(s, m, childOf, children);
                if ("NONE".equals(relation) && !s.record().minor() && m.record().minor()) {
                    // another adult on the booking is the child's parent: a family travelling together
                    for (Stored x : mates.values()) {
                        if (x != m && !x.record().minor() && !"NONE".equals(relation(x, m, childOf, children))) {
                            relation = "FAMILY_GROUP";
                            break;
                        }
                    }
                }
                companions.add(new Companion(m.record(), !"NONE".equals(relation), relation, wlOf.apply(m)));
                if (!s.record().minor() && s.record().ageOnTravel() != null && m.record().minor() && "NONE".equals(relation)) {
                    pairs.add(new String[]{s.travellerKey(), m.travellerKey(), s.record().recordId()});
                    pairDates.add(s.record().travelDate());
                }
            }
            companionsOf.put(s.record().recordId(), companions);
        }
        if (!pairs.isEmpty()) {
            store.pairs(pairs, pairDates);
        }
        Set<String> adultsWithPairs = pairs.stream().map(p -> p[2]).collect(Collectors.toSet());
        List<AlertDraft> out = new ArrayList<>();
        for (Stored s : subjects) {
            TravelRecord r = s.record();
            List<Candidate> childMatches = childOf.apply(s);
            String unit = childMatches.isEmpty() ? null : children.children().get(childMatches.get(0).id()).unitCode();
            int minors = adultsWithPairs.contains(r.recordId())
                    ? store.distinctMinors(s.travellerKey(), r.travelDate(), rules.windowDays()) : 0;
            var subject = new ScreeningRules.Subject(r, wlOf.apply(s), childMatches, unit,
                    companionsOf.getOrDefault(r.recordId(), List.of()), minors);
            var evaluation = ScreeningRules.evaluate(rules, subject);
            if (evaluation.alerts(rules)) {
                out.add(new AlertDraft(r.recordId(), batchId, s.travellerKey(), r.tripKey(), r.travelDate(), evaluation.score(),
                        evaluation.rules().stream().map(Enum::name).collect(Collectors.joining(",")),
                        !subject.watchlist().isEmpty(), r.minor(), AlertDetails.write(evaluation, subject), rules.version(),
                        childMatches.isEmpty() ? null : Long.valueOf(childMatches.get(0).id())));
            }
        }
        return out;
    }

    /** How a companion is family: REGISTER (a registered parent of an at-risk child), FAMILY_NAME, or NONE. */
    static String relation(Stored s, Stored m, java.util.function.Function<Stored, List<Candidate>> childOf,
                           AtRiskIndex.Snapshot children) {
        Stored minor = s.record().minor() ? s : m.record().minor() ? m : null;
        Stored other = minor == s ? m : s;
        if (minor == null || other.record().minor()) {
            return "NONE";
        }
        for (Candidate c : childOf.apply(minor)) {
            AtRiskIndex.Child child = children.children().get(c.id());
            if (child != null && AtRiskIndex.isGuardian(child, other.record())) {
                return "REGISTER";
            }
        }
        return familyByName(minor.record(), other.record()) ? "FAMILY_NAME" : "NONE";
    }

    /** Same family name and at least 15 years older: probably a parent (when the register does not know). */
    static boolean familyByName(TravelRecord minor, TravelRecord adult) {
        Integer a = adult.ageOnTravel();
        Integer m = minor.ageOnTravel();
        return a != null && m != null && a - m >= 15 && !minor.familyName().isEmpty()
                && minor.familyName().equals(adult.familyName());
    }
}
