package vn.childguard.screening.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.childguard.casework.AtRiskChildren;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Identity;
import vn.childguard.matching.Match;
import vn.childguard.matching.MatchIndex;
import vn.childguard.matching.NameNormalizer;
import vn.childguard.matching.Sex;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;

/**
 * The children of open child-protection cases as the matching engine sees them, with their commune
 * and registered parents (name and birth year, from the register's relationship labels). Built in a
 * screening officer's request (the register audits each read and lets them through
 * {@link ScreeningPersonAccess}); kept for ten minutes.
 */
@Component
public class AtRiskIndex {

    private static final Logger log = LoggerFactory.getLogger(AtRiskIndex.class);

    /** A registered parent or guardian: folded name tokens and birth year (0 when unknown). */
    public record Guardian(List<String> tokens, int birthYear) {
    }

    public record Child(long personId, String label, String unitCode, String caseReference, List<Guardian> guardians) {
    }

    public record Snapshot(MatchIndex index, Map<String, Child> children) {
        public static final Snapshot EMPTY = new Snapshot(MatchIndex.build(List.of()), Map.of());
    }

    private final AtRiskChildren atRisk;
    private final PersonRegister register;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile Instant builtAt;

    AtRiskIndex(AtRiskChildren atRisk, PersonRegister register, Clock clock) {
        this.atRisk = atRisk;
        this.register = register;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Makes the next {@link #refresh} rebuild (tests: a child whose case opened since the last build). */
    public synchronized void invalidate() {
        builtAt = null;
    }

    /** Rebuilds when older than ten minutes (or always when {@code force}); call with a screening officer signed in. */
    public synchronized Snapshot refresh(boolean force) {
        Instant now = clock.instant();
        if (!force && builtAt != null && Duration.between(builtAt, now).toMinutes() < 10) {
            return snapshot;
        }
        List<Identity> identities = new ArrayList<>();
        Map<String, Child> children = new HashMap<>();
        for (AtRiskChildren.AtRiskChild c : atRisk.current()) {
            PersonView p;
            try {
                p = ScreeningPersonAccess.whileIndexing(() -> register.read(c.personId()));
            } catch (AccessDeniedException | java.util.NoSuchElementException e) {
                continue;
            }
            BirthDate birth;
            Sex sex;
            try {
                birth = BirthDate.parse(p.birthDate());
                sex = Sex.parse(p.sex());
            } catch (IllegalArgumentException e) {
                birth = BirthDate.UNKNOWN;
                sex = Sex.UNKNOWN;
            }
            String id = String.valueOf(c.personId());
            identities.add(new Identity(id, p.fullName(), birth, sex,
                    p.documents().stream().map(d -> d.number()).toList(), p.nationality()));
            List<Guardian> guardians = new ArrayList<>();
            for (PersonView.Relationship r : p.relationships()) {
                if (!r.outgoing() && r.otherLabel() != null) {
                    guardians.add(guardian(r.otherLabel()));
                }
            }
            String label = p.fullName() + (birth.isKnown() ? ", " + birth.year() : "");
            children.put(id, new Child(c.personId(), label, p.unitCode() != null ? p.unitCode() : c.unitCode(),
                    c.caseReference(), guardians));
        }
        snapshot = new Snapshot(MatchIndex.build(identities), Map.copyOf(children));
        builtAt = now;
        log.info("At-risk index rebuilt with {} children", children.size());
        return snapshot;
    }

    static Guardian guardian(String label) {
        int comma = label.lastIndexOf(',');
        int year = 0;
        String name = label;
        if (comma > 0) {
            try {
                year = Integer.parseInt(label.substring(comma + 1).strip());
                name = label.substring(0, comma);
            } catch (NumberFormatException e) {
                year = 0;
            }
        }
        return new Guardian(NameNormalizer.tokens(name).stream().map(NameNormalizer::regionalKey).toList(), year);
    }

    public static List<ScreeningRules.Candidate> candidates(Snapshot s, Identity who, double threshold) {
        if (s.children().isEmpty()) {
            return List.of();
        }
        Map<String, ScreeningRules.Candidate> out = new LinkedHashMap<>();
        for (Match m : s.index().match(who, threshold)) {
            Child c = s.children().get(m.entryId());
            if (c != null) {
                out.putIfAbsent(m.entryId(), new ScreeningRules.Candidate("AT_RISK_CHILD", m.entryId(), c.label(), m.score(),
                        m.reasonsText()));
            }
        }
        return List.copyOf(out.values());
    }

    /** Whether a companion is one of the child's registered parents or guardians (same name, same birth year if known). */
    public static boolean isGuardian(Child child, TravelRecord companion) {
        List<String> tokens = NameNormalizer.tokens(companion.fullName()).stream().map(NameNormalizer::regionalKey).toList();
        for (Guardian g : child.guardians()) {
            if (new java.util.HashSet<>(g.tokens()).equals(new java.util.HashSet<>(tokens))
                    && (g.birthYear() == 0 || !companion.birthDate().isKnown() || g.birthYear() == companion.birthDate().year())) {
                return true;
            }
        }
        return false;
    }
}
