package vn.childguard.intelligence.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.intelligence.ProceedingFigures;

/** The programme counts, province-wide; {@link ProceedingService#indicators} uses the same formula for a unit. */
@Component
class StoreProceedingFigures implements ProceedingFigures {

    private final ProceedingStore store;
    private final JdbcClient jdbc;

    StoreProceedingFigures(ProceedingStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Programme programme(LocalDate from, LocalDate to) {
        return programme(store.reached(from, to, null));
    }

    /** The programme's counts from the number of proceedings that reached each step (the one formula). */
    static Programme programme(Map<String, Long> c) {
        long initiated = c.getOrDefault(ProceedingStage.CASE_INITIATED.name(), 0L);
        return new Programme(c.getOrDefault("RECEIVED", 0L), initiated + c.getOrDefault("OUTCOME_NOT_INITIATED", 0L),
                initiated, c.getOrDefault(ProceedingStage.SUSPECTS_CHARGED.name(), 0L),
                c.getOrDefault(ProceedingStage.INDICTMENT.name(), 0L),
                c.getOrDefault(ProceedingStage.FIRST_INSTANCE_TRIAL.name(), 0L));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> byStage(LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ProceedingStage stage : ProceedingStage.values()) {
            counts.put(stage.name(), 0L);
        }
        jdbc.sql("select stage, count(*) from intel_proceeding where received_on between ? and ? group by stage")
                .params(from, to).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
