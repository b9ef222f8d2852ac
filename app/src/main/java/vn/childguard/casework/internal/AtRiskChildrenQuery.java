package vn.childguard.casework.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.casework.AtRiskChildren;
import vn.childguard.casework.CaseStatus;

/** Children of open child-protection cases, read straight from the case table (ids and case facts only). */
@Component
class AtRiskChildrenQuery implements AtRiskChildren {

    private final JdbcTemplate jdbc;

    AtRiskChildrenQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AtRiskChild> current() {
        Map<Long, AtRiskChild> byChild = new LinkedHashMap<>();
        jdbc.query("select child_person_id, serious_risk, unit_code, reference from cp_case where status <> ? "
                + "order by serious_risk desc, opened_at desc", rs -> {
            long personId = rs.getLong(1);
            byChild.putIfAbsent(personId, new AtRiskChild(personId, rs.getBoolean(2) ? "SERIOUS_RISK" : "OPEN_CASE",
                    rs.getString(3), rs.getString(4)));
        }, CaseStatus.CLOSED.name());
        return List.copyOf(byChild.values());
    }

    @Override
    public boolean isAtRisk(long personId) {
        Integer n = jdbc.queryForObject("select count(*) from cp_case where child_person_id = ? and status <> ?",
                Integer.class, personId, CaseStatus.CLOSED.name());
        return n != null && n > 0;
    }
}
