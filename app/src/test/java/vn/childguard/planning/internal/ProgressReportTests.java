package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReportTests {

    static final Instant NOW = Instant.parse("2026-07-10T03:00:00Z");

    static ProgressReport draft() {
        PlanTask task = new PlanTask("II.5.a", null, "text", "SYT", List.of(), PlanTask.Kind.CONTINUOUS, null,
                PlanTask.Reporting.LEAD);
        return ProgressReport.draft(task, "2026-H1", "SYT", "health.supervisor", NOW);
    }

    @Test
    void goesFromDraftThroughReturnAndResubmissionToAccepted() {
        ProgressReport report = draft();
        report.edit("Đã hỗ trợ 3 nạn nhân", Map.of(1L, new BigDecimal("3")));
        report.submit(NOW);
        report.returnForChanges("Bổ sung số liệu học nghề", "police.coordinator", NOW.plusSeconds(60));
        assertThat(report.getStatus()).isEqualTo(ProgressReport.Status.RETURNED);
        report.edit("Đã hỗ trợ 3 nạn nhân, 2 người học nghề", Map.of(1L, new BigDecimal("3")));
        report.submit(NOW.plusSeconds(120));
        report.accept("police.coordinator", NOW.plusSeconds(180));
        assertThat(report.getStatus()).isEqualTo(ProgressReport.Status.ACCEPTED);
        assertThat(report.getValues().get(1L).value()).isEqualByComparingTo("3");
    }

    @Test
    void anAcceptedReportIsLockedAndCorrectedByANewVersionWithAReason() {
        ProgressReport report = draft();
        report.edit("Nội dung", Map.of());
        report.submit(NOW);
        report.accept("police.coordinator", NOW);
        assertThatThrownBy(() -> report.edit("đổi", Map.of()))
                .isInstanceOfSatisfying(ProgressReport.WorkflowException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("planning.report.error.locked"));
        assertThatThrownBy(() -> report.correction(" ", "health.supervisor", NOW))
                .isInstanceOf(ProgressReport.WorkflowException.class);
        ProgressReport next = report.correction("Sai số liệu", "health.supervisor", NOW);
        assertThat(next.getReportVersion()).isEqualTo(2);
        assertThat(next.getStatus()).isEqualTo(ProgressReport.Status.DRAFT);
        assertThat(next.getNarrative()).isEqualTo("Nội dung");
        assertThat(report.getStatus()).isEqualTo(ProgressReport.Status.ACCEPTED);
    }

    @Test
    void refusesToSubmitWithoutNarrativeOrToReturnWithoutComment() {
        ProgressReport report = draft();
        assertThatThrownBy(() -> report.submit(NOW)).isInstanceOf(ProgressReport.WorkflowException.class);
        report.edit("Nội dung", Map.of());
        assertThatThrownBy(() -> report.accept("x", NOW)).isInstanceOf(ProgressReport.WorkflowException.class);
        report.submit(NOW);
        assertThatThrownBy(() -> report.returnForChanges("", "x", NOW))
                .isInstanceOf(ProgressReport.WorkflowException.class);
    }

    @Test
    void keepsAProposedValueBesideTheConfirmedOne() {
        ProgressReport report = draft();
        report.propose(7L, new BigDecimal("12"));
        report.edit("Nội dung", Map.of(7L, new BigDecimal("11")));
        assertThat(report.getValues().get(7L).proposed()).isEqualByComparingTo("12");
        assertThat(report.getValues().get(7L).value()).isEqualByComparingTo("11");
    }
}
