package vn.childguard.organisation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers "is this unit inside that jurisdiction?" by walking parents and successors, and gives units'
 * names. The unit table (a few thousand rows) is held in memory for {@code childguard.reference.cache-ttl}
 * and each answer is remembered with it: a list of a province's cases asks once per case.
 */
@Component
class JurisdictionTree {

    private record Tree(Map<String, String> parents, Map<String, List<String>> successors,
                       Map<String, String[]> names, Map<String, Boolean> answers) {
    }

    private final ReferenceCache<Tree> tree;

    JurisdictionTree(JdbcTemplate jdbc, @Value("${childguard.reference.cache-ttl:60s}") Duration ttl) {
        this.tree = new ReferenceCache<>(() -> load(jdbc), ttl);
    }

    private static Tree load(JdbcTemplate jdbc) {
        Map<String, String> parents = new HashMap<>();
        Map<String, String[]> names = new HashMap<>();
        jdbc.query("select code, parent_code, full_name, full_name_en from admin_unit", rs -> {
            parents.put(rs.getString(1), rs.getString(2));
            names.put(rs.getString(1), new String[] {rs.getString(3), rs.getString(4)});
        });
        Map<String, List<String>> successors = new HashMap<>();
        jdbc.query("select from_code, to_code from admin_unit_successor", rs -> {
            successors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return new Tree(parents, successors, names, new ConcurrentHashMap<>());
    }

    /** Called after the unit tables were written (reference data loaded). */
    void forget() {
        tree.forget();
    }

    /** The unit's full name in the language (Vietnamese when it has no English name), e.g. "Xã Tân Biên". */
    Optional<String> name(String code, Locale locale) {
        String[] names = code == null ? null : tree.get().names().get(code);
        if (names == null) {
            return Optional.empty();
        }
        return Optional.of("en".equals(locale.getLanguage()) && names[1] != null ? names[1] : names[0]);
    }

    boolean covers(String jurisdictionCode, String unitCode) {
        if (jurisdictionCode == null || unitCode == null) {
            return false;
        }
        Tree t = tree.get();
        return t.answers().computeIfAbsent(jurisdictionCode + '/' + unitCode, k -> walk(t, jurisdictionCode, unitCode));
    }

    private static boolean walk(Tree t, String jurisdictionCode, String unitCode) {
        Set<String> visited = new HashSet<>();
        List<String> frontier = List.of(unitCode);
        // a historical unit is covered when one of its successors is
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String code : frontier) {
                if (!visited.add(code)) {
                    continue;
                }
                if (ancestorsOf(t, code).contains(jurisdictionCode)) {
                    return true;
                }
                next.addAll(t.successors().getOrDefault(code, List.of()));
            }
            frontier = next;
        }
        return false;
    }

    private static Set<String> ancestorsOf(Tree t, String code) {
        Set<String> chain = new HashSet<>();
        String current = code;
        while (current != null && chain.add(current)) {
            current = t.parents().get(current);
        }
        return chain;
    }
}
