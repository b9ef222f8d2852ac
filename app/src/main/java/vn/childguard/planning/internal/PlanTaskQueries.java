package vn.childguard.planning.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.planning.PlanTasks;

/** {@link PlanTasks} over the imported plans. */
@Service
class PlanTaskQueries implements PlanTasks {

    private final PlanRepository plans;
    private final PlanTaskRepository tasks;

    PlanTaskQueries(PlanRepository plans, PlanTaskRepository tasks) {
        this.plans = plans;
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskRef> all() {
        return plans.findAllByOrderByIssuedOnDesc().stream()
                .flatMap(p -> p.getTasks().stream())
                .map(PlanTaskQueries::ref)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaskRef> find(long taskId) {
        return tasks.findById(taskId).map(PlanTaskQueries::ref);
    }

    private static TaskRef ref(PlanTask t) {
        return new TaskRef(t.getId(), t.getPlan().getCode(), t.getCode(), t.getSection(), t.getLeadCode(),
                t.getIndicators().stream()
                        .map(i -> new IndicatorRef(i.getCode(), i.getNameVi(), i.name(java.util.Locale.ENGLISH), i.getUnit()))
                        .toList());
    }
}
