package vn.childguard.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the agencies stand on each imported plan, as counts of the task statuses per agency — the
 * coordinator's matrix without the reports — for dashboards and periodic statistics. Nothing personal.
 */
public interface PlanProgress {

    /** Each plan in the shortest period it reports on that contains the day (a plan not yet in force is left out). */
    List<Progress> on(LocalDate day);

    record Progress(String planCode, String periodCode, List<AgencyRow> agencies) {

        public Progress {
            agencies = List.copyOf(agencies);
        }

        public int total(TaskStatus status) {
            return agencies.stream().mapToInt(a -> a.count(status)).sum();
        }
    }

    record AgencyRow(String agencyCode, String nameVi, String nameEn, Map<TaskStatus, Integer> counts) {

        public AgencyRow {
            counts = Map.copyOf(counts);
        }

        public int count(TaskStatus status) {
            return counts.getOrDefault(status, 0);
        }

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }
}
