package vn.childguard.planning;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Read-only view of the imported plans' tasks and their indicators, for modules that link their own
 * work to a task (a prevention campaign counted against the communication task). Nothing personal.
 */
public interface PlanTasks {

    /** A task as other modules name it: plan code, task code, section, lead agency and indicators. */
    record TaskRef(long id, String planCode, String code, String section, String leadCode, List<IndicatorRef> indicators) {

        public TaskRef {
            indicators = List.copyOf(indicators);
        }

        public Optional<IndicatorRef> indicator(String indicatorCode) {
            return indicators.stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
        }
    }

    /** An indicator of a task. */
    record IndicatorRef(String code, String nameVi, String nameEn, String unit) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** Every task of every imported plan, in plan and task order. */
    List<TaskRef> all();

    Optional<TaskRef> find(long taskId);
}
