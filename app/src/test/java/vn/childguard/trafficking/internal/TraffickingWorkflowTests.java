package vn.childguard.trafficking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childguard.trafficking.TraffickingStatus;

class TraffickingWorkflowTests {

    static final Instant AT = Instant.parse("2026-03-02T03:00:00Z");
    static final TraffickingWorkflow.Facts NONE_PENDING = new TraffickingWorkflow.Facts(0, false);

    static TraffickingWorkflow.Record step(TraffickingStatus from, TraffickingAction action, Set<Art32Ground> grounds,
                                           String evidence, TraffickingWorkflow.Facts facts) {
        return TraffickingWorkflow.next(from, new TraffickingWorkflow.Request(action, null, grounds, evidence), facts,
                "health.caseworker", "SYT", AT);
    }

    @Test
    void theWholeProcedureRecordsWhoWhenLegalBasisAndEvidence() {
        TraffickingStatus s = TraffickingStatus.REPORTED;
        s = step(s, TraffickingAction.RECEIVE, Set.of(), null, NONE_PENDING).to();
        assertThat(s).isEqualTo(TraffickingStatus.RECEIVED);
        s = step(s, TraffickingAction.START_VERIFICATION, Set.of(), null, NONE_PENDING).to();
        assertThat(s).isEqualTo(TraffickingStatus.UNDER_VERIFICATION);
        TraffickingWorkflow.Record identified = step(s, TraffickingAction.IDENTIFY,
                Set.of(Art32Ground.MISSION_ABROAD, Art32Ground.PERSON_STATEMENT), "Công hàm ĐSQ London", NONE_PENDING);
        assertThat(identified.to()).isEqualTo(TraffickingStatus.IDENTIFIED);
        assertThat(identified.actor()).isEqualTo("health.caseworker");
        assertThat(identified.at()).isEqualTo(AT);
        assertThat(identified.legalBasis()).contains("Điều 32");
        assertThat(identified.grounds()).containsExactlyInAnyOrder(Art32Ground.MISSION_ABROAD, Art32Ground.PERSON_STATEMENT);
        assertThat(identified.evidence()).isEqualTo("Công hàm ĐSQ London");
        s = step(identified.to(), TraffickingAction.START_SUPPORT, Set.of(), null, NONE_PENDING).to();
        s = step(s, TraffickingAction.START_REINTEGRATION, Set.of(), null, NONE_PENDING).to();
        s = step(s, TraffickingAction.START_FOLLOW_UP, Set.of(), null, NONE_PENDING).to();
        assertThat(s).isEqualTo(TraffickingStatus.FOLLOW_UP);
        s = step(s, TraffickingAction.CLOSE, Set.of(), null, NONE_PENDING).to();
        assertThat(s).isEqualTo(TraffickingStatus.CLOSED);
        assertThat(step(s, TraffickingAction.REOPEN, Set.of(), "re-trafficked", new TraffickingWorkflow.Facts(0, true)).to())
                .isEqualTo(TraffickingStatus.SUPPORTED);
    }

    @Test
    void identifyingWithoutAnyGroundIsRefused() {
        assertThatThrownBy(() -> step(TraffickingStatus.UNDER_VERIFICATION, TraffickingAction.IDENTIFY, Set.of(), "x",
                NONE_PENDING)).isInstanceOf(TraffickingRuleException.class)
                .extracting(e -> ((TraffickingRuleException) e).messageKey()).isEqualTo("trafficking.rule.noGround");
    }

    @Test
    void closingWithSupportPendingIsRefused() {
        assertThatThrownBy(() -> step(TraffickingStatus.SUPPORTED, TraffickingAction.CLOSE, Set.of(), null,
                new TraffickingWorkflow.Facts(1, true))).isInstanceOf(TraffickingRuleException.class)
                .extracting(e -> ((TraffickingRuleException) e).messageKey()).isEqualTo("trafficking.rule.supportPending");
    }

    @Test
    void notAVictimNeedsEvidenceAndAReopenedNonVictimIsVerifiedAgain() {
        assertThatThrownBy(() -> step(TraffickingStatus.UNDER_VERIFICATION, TraffickingAction.NOT_A_VICTIM, Set.of(), " ",
                NONE_PENDING)).isInstanceOf(TraffickingRuleException.class);
        TraffickingStatus s = step(TraffickingStatus.UNDER_VERIFICATION, TraffickingAction.NOT_A_VICTIM, Set.of(),
                "Tự nguyện đi lao động", NONE_PENDING).to();
        s = step(s, TraffickingAction.CLOSE, Set.of(), null, NONE_PENDING).to();
        assertThat(step(s, TraffickingAction.REOPEN, Set.of(), "new facts", NONE_PENDING).to())
                .isEqualTo(TraffickingStatus.UNDER_VERIFICATION);
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> step(TraffickingStatus.REPORTED, TraffickingAction.IDENTIFY,
                Set.of(Art32Ground.RESCUER), null, NONE_PENDING)).isInstanceOf(TraffickingRuleException.class)
                .extracting(e -> ((TraffickingRuleException) e).messageKey()).isEqualTo("trafficking.rule.notNow");
        assertThat(TraffickingWorkflow.possible(TraffickingStatus.UNDER_VERIFICATION))
                .containsExactlyInAnyOrder(TraffickingAction.IDENTIFY, TraffickingAction.NOT_A_VICTIM);
    }
}
