package vn.childguard.planning.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanningService;

/** The reporter's view: what their agency has to report, late first, then what is due next, then what is done. */
@Controller
class MyTasksController {

    /** One task and period of the user's agency, with the plan it belongs to. */
    record MyTask(PlanningService.Cell cell, Plan plan) {
    }

    private final PlanningService planning;
    private final PlanningViews views;

    MyTasksController(PlanningService planning, PlanningViews views) {
        this.planning = planning;
        this.views = views;
    }

    @GetMapping("/my/tasks")
    @PreAuthorize("hasRole('PLAN_REPORTER')")
    String tasks(CurrentUser user, Model model) {
        Map<Long, Plan> plans = views.planOfTask();
        List<MyTask> overdue = new ArrayList<>();
        List<MyTask> next = new ArrayList<>();
        List<MyTask> done = new ArrayList<>();
        for (PlanningService.Cell cell : planning.tasksOf(user)) {
            MyTask task = new MyTask(cell, plans.get(cell.task().getId()));
            switch (cell.status()) {
                case OVERDUE -> overdue.add(task);
                case DONE_ON_TIME, DONE_LATE -> done.add(task);
                default -> next.add(task);
            }
        }
        next.sort(Comparator.comparing((MyTask t) -> t.cell().due()));
        Map<String, List<MyTask>> groups = new LinkedHashMap<>();
        groups.put("overdue", overdue);
        groups.put("next", next);
        groups.put("done", done);
        model.addAttribute("groups", groups);
        return "planning/my-tasks";
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser user, Model model) {
        model.addAttribute("reminders", views.inbox(user));
        model.addAttribute("zone", PlanningService.VIETNAM);
        return "planning/inbox";
    }
}
