package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskStatusTests {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 7, 15);

    @Test
    void acceptedReportsAreDoneOnTimeOrLateByTheirSubmissionDay() {
        assertThat(TaskStatus.of(START, DUE, DUE.plusDays(30), true, DUE)).isEqualTo(TaskStatus.DONE_ON_TIME);
        assertThat(TaskStatus.of(START, DUE, DUE.plusDays(30), true, DUE.plusDays(1))).isEqualTo(TaskStatus.DONE_LATE);
    }

    @Test
    void withoutAnAcceptedReportTheDeadlineDecides() {
        assertThat(TaskStatus.of(START, DUE, DUE.plusDays(1), true, null)).isEqualTo(TaskStatus.OVERDUE);
        assertThat(TaskStatus.of(START, DUE, DUE, true, null)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.of(START, DUE, DUE, false, null)).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(TaskStatus.of(START, DUE, START.minusDays(1), false, null)).isEqualTo(TaskStatus.NOT_DUE);
    }
}
