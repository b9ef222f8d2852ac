package vn.childguard.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanProgress;
import vn.childguard.planning.TaskStatus;

/** Counts the cells of {@link PlanningService#matrix} per agency. */
@Component
class MatrixPlanProgress implements PlanProgress {

    private final PlanningService planning;

    MatrixPlanProgress(PlanningService planning) {
        this.planning = planning;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Progress> on(LocalDate day) {
        List<Progress> out = new ArrayList<>();
        for (Plan plan : planning.plans()) {
            if (plan.getIssuedOn() == null || plan.getIssuedOn().isAfter(day) || plan.getSchedule().isEmpty()) {
                continue;
            }
            Period.Kind shortest = plan.getSchedule().stream().map(Plan.ScheduleEntry::periodKind)
                    .min(Comparator.comparingInt(k -> switch (k) {
                        case QUARTER -> 0;
                        case HALF_YEAR -> 1;
                        case YEAR -> 2;
                    })).orElseThrow();
            Period period = Period.containing(shortest, day);
            PlanningService.Matrix matrix = planning.matrix(plan.getId(), period);
            List<AgencyRow> rows = new ArrayList<>();
            for (AgencyRef agency : matrix.agencies()) {
                Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
                matrix.cells().getOrDefault(agency.code(), Map.of()).values()
                        .forEach(cell -> counts.merge(cell.status(), 1, Integer::sum));
                rows.add(new AgencyRow(agency.code(), agency.nameVi(), agency.nameEn(), counts));
            }
            out.add(new Progress(plan.getCode(), period.code(), rows));
        }
        return out;
    }
}
