package vn.childguard.screening.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.screening.ScreeningFigures;

/** One group-by over {@code screening_alert}: codes and counts only. */
@Component
class JdbcScreeningFigures implements ScreeningFigures {

    private final JdbcTemplate jdbc;

    JdbcScreeningFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> alertsByStatus(LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from screening_alert where travel_date between ? and ? group by status "
                + "order by status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, from, to);
        return counts;
    }
}
