package vn.childguard.organisation.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers "is this unit inside that jurisdiction?" by walking parents and successors. The unit table
 * is small (a few thousand rows) and changes only when reference data is reloaded or edited, so it
 * is read on demand rather than cached, keeping every node of a cluster consistent.
 */
@Component
class JurisdictionTree {

    private final JdbcTemplate jdbc;

    JurisdictionTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean covers(String jurisdictionCode, String unitCode) {
        if (jurisdictionCode == null || unitCode == null) {
            return false;
        }
        Map<String, String> parents = new HashMap<>();
        Set<String> visited = new HashSet<>();
        List<String> frontier = List.of(unitCode);
        // a historical unit is covered when one of its successors is
        while (!frontier.isEmpty()) {
            List<String> next = new java.util.ArrayList<>();
            for (String code : frontier) {
                if (!visited.add(code)) {
                    continue;
                }
                if (ancestorsOf(code, parents).contains(jurisdictionCode)) {
                    return true;
                }
                next.addAll(jdbc.queryForList("select to_code from admin_unit_successor where from_code = ?",
                        String.class, code));
            }
            frontier = next;
        }
        return false;
    }

    private Set<String> ancestorsOf(String code, Map<String, String> parents) {
        Set<String> chain = new HashSet<>();
        String current = code;
        while (current != null && chain.add(current)) {
            String c = current;
            current = parents.computeIfAbsent(c, k -> {
                List<String> parent = jdbc.queryForList("select parent_code from admin_unit where code = ?",
                        String.class, k);
                return parent.isEmpty() ? null : parent.getFirst();
            });
        }
        return chain;
    }
}
