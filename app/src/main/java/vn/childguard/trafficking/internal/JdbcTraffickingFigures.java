package vn.childguard.trafficking.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.trafficking.TraffickingFigures;
import vn.childguard.trafficking.TraffickingStatus;

/** The figures as counts over the case table; no person, no case, no audit needed. */
@Component
class JdbcTraffickingFigures implements TraffickingFigures {

    private final JdbcClient jdbc;

    JdbcTraffickingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> victimsByCommune() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select unit_code, count(distinct person_id) from tc_case where status <> ? group by unit_code")
                .param(TraffickingStatus.NOT_A_VICTIM.name())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
