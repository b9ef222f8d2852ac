package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import vn.childguard.planning.IndicatorSource;
import vn.childguard.planning.Period;

class IndicatorProposalsTests {

    static ProgressReport draftWithIndicators() {
        PlanTask task = new PlanTask("II.4.a", null, "text", "SGDDT", List.of(), PlanTask.Kind.CONTINUOUS, null,
                PlanTask.Reporting.LEAD);
        TaskIndicator teachers = new TaskIndicator("teachers_trained", "Số giáo viên", "Teachers", "người", null);
        TaskIndicator students = new TaskIndicator("students_skills", "Số học sinh", "Students", "học sinh", null);
        ReflectionTestUtils.setField(teachers, "id", 1L);
        ReflectionTestUtils.setField(students, "id", 2L);
        task.addIndicator(teachers);
        task.addIndicator(students);
        return ProgressReport.draft(task, "2026-H2", "SGDDT", "education.officer", Instant.now());
    }

    @Test
    void proposesWhatASourceCountsAndLeavesTheValueForTheReporter() {
        IndicatorSource trainings = (code, agency, period) ->
                code.equals("teachers_trained") && agency.equals("SGDDT") && period.code().equals("2026-H2")
                        ? Optional.of(new BigDecimal("42")) : Optional.empty();
        ProgressReport draft = draftWithIndicators();

        new IndicatorProposals(List.of(trainings)).propose(draft, Period.parse("2026-H2"));

        assertThat(draft.getValues().get(1L).proposed()).isEqualByComparingTo("42");
        assertThat(draft.getValues().get(1L).value()).as("the reporter confirms").isNull();
        assertThat(draft.getValues()).doesNotContainKey(2L);
    }

    @Test
    void withoutSourcesNothingIsProposed() {
        ProgressReport draft = draftWithIndicators();
        new IndicatorProposals(List.of()).propose(draft, Period.parse("2026-H2"));
        assertThat(draft.getValues()).isEmpty();
    }
}
