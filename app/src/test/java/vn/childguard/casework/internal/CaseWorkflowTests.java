package vn.childguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childguard.casework.CaseStatus;
import vn.childguard.organisation.Role;

class CaseWorkflowTests {

    private static CaseWorkflow.Context worker(long openReferrals) {
        return new CaseWorkflow.Context("commune.officer", EnumSet.of(Role.CASE_WORKER), true, "commune.officer",
                Role.CASE_SUPERVISOR, openReferrals);
    }

    private static CaseWorkflow.Context chair() {
        return new CaseWorkflow.Context("commune.chair", EnumSet.of(Role.CASE_SUPERVISOR), true, "commune.officer",
                Role.CASE_SUPERVISOR, 0);
    }

    @Test
    void theWholeProcedureRunsFromReportToClosureAndReopening() {
        CaseStatus s = CaseStatus.REPORTED;
        s = CaseWorkflow.next(s, CaseAction.INITIAL_ASSESSMENT, worker(0));
        assertThat(s).isEqualTo(CaseStatus.INITIAL_ASSESSMENT);
        s = CaseWorkflow.next(s, CaseAction.EMERGENCY_DECISION, worker(0));
        assertThat(s).isEqualTo(CaseStatus.EMERGENCY);
        s = CaseWorkflow.next(s, CaseAction.NEEDS_ASSESSMENT, worker(0));
        s = CaseWorkflow.next(s, CaseAction.SUBMIT_PLAN, worker(0));
        assertThat(s).isEqualTo(CaseStatus.PLAN_SUBMITTED);
        s = CaseWorkflow.next(s, CaseAction.RETURN_PLAN, chair());
        assertThat(s).isEqualTo(CaseStatus.NEEDS_ASSESSMENT);
        s = CaseWorkflow.next(s, CaseAction.SUBMIT_PLAN, worker(0));
        s = CaseWorkflow.next(s, CaseAction.APPROVE_PLAN, chair());
        assertThat(s).isEqualTo(CaseStatus.PLAN_APPROVED);
        s = CaseWorkflow.next(s, CaseAction.START_IMPLEMENTATION, worker(0));
        s = CaseWorkflow.next(s, CaseAction.REVIEW, worker(0));
        assertThat(s).isEqualTo(CaseStatus.REVIEW);
        assertThat(CaseWorkflow.next(s, CaseAction.NEEDS_ASSESSMENT, worker(0))).isEqualTo(CaseStatus.NEEDS_ASSESSMENT);
        s = CaseWorkflow.next(s, CaseAction.CLOSE, worker(0));
        assertThat(s).isEqualTo(CaseStatus.CLOSED);
        s = CaseWorkflow.next(s, CaseAction.REOPEN, worker(0));
        assertThat(s).isEqualTo(CaseStatus.REOPENED);
        assertThat(CaseWorkflow.next(s, CaseAction.NEEDS_ASSESSMENT, worker(0))).isEqualTo(CaseStatus.NEEDS_ASSESSMENT);
    }

    @Test
    void approvingYourOwnPlanIsRefused() {
        var self = new CaseWorkflow.Context("commune.chair", EnumSet.of(Role.CASE_SUPERVISOR), true, "commune.chair",
                Role.CASE_SUPERVISOR, 0);
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.PLAN_SUBMITTED, CaseAction.APPROVE_PLAN, self))
                .isInstanceOf(CaseRuleException.class).hasMessage("casework.rule.selfApproval");
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.PLAN_SUBMITTED, CaseAction.RETURN_PLAN, self))
                .hasMessage("casework.rule.selfApproval");
    }

    @Test
    void onlyTheApproverRoleOfTheOwningAgencyApproves() {
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.PLAN_SUBMITTED, CaseAction.APPROVE_PLAN, worker(0)))
                .hasMessage("casework.rule.notApprover");
        var otherAgency = new CaseWorkflow.Context("health.supervisor", Set.of(Role.CASE_SUPERVISOR), false,
                "commune.officer", Role.CASE_SUPERVISOR, 0);
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.PLAN_SUBMITTED, CaseAction.APPROVE_PLAN, otherAgency))
                .hasMessage("casework.rule.notApprover");
        // a configured approver role other than the supervisor
        var configured = new CaseWorkflow.Context("commune.officer2", Set.of(Role.CASE_WORKER), true,
                "commune.officer", Role.CASE_WORKER, 0);
        assertThat(CaseWorkflow.next(CaseStatus.PLAN_SUBMITTED, CaseAction.APPROVE_PLAN, configured))
                .isEqualTo(CaseStatus.PLAN_APPROVED);
    }

    @Test
    void closingWithOpenReferralsIsRefused() {
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.REVIEW, CaseAction.CLOSE, worker(1)))
                .hasMessage("casework.rule.openReferrals");
    }

    @Test
    void referralToTheCasesOwnAgencyIsRefused() {
        assertThatThrownBy(() -> CaseWorkflow.checkReferral("UBND-25486", "UBND-25486"))
                .isInstanceOf(CaseRuleException.class).hasMessage("casework.rule.referralToSelf");
        CaseWorkflow.checkReferral("UBND-25486", "THPT-TAYNINH");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.REPORTED, CaseAction.SUBMIT_PLAN, worker(0)))
                .hasMessage("casework.rule.notNow");
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.IMPLEMENTATION, CaseAction.CLOSE, worker(0)))
                .hasMessage("casework.rule.notNow");
        assertThatThrownBy(() -> CaseWorkflow.next(CaseStatus.CLOSED, CaseAction.NEEDS_ASSESSMENT, worker(0)))
                .hasMessage("casework.rule.notNow");
        assertThat(CaseWorkflow.possible(CaseStatus.CLOSED)).containsExactly(CaseAction.REOPEN);
    }

    @Test
    void anEmergencyLaterInTheProcedureKeepsTheCaseWhereItIs() {
        assertThat(CaseWorkflow.next(CaseStatus.IMPLEMENTATION, CaseAction.EMERGENCY_DECISION, worker(0)))
                .isEqualTo(CaseStatus.IMPLEMENTATION);
    }
}
