package vn.childguard.trafficking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.childguard.trafficking.internal.Entitlements.Benefit;
import vn.childguard.trafficking.internal.Entitlements.Location;
import vn.childguard.trafficking.internal.Entitlements.PersonStatus;
import vn.childguard.trafficking.internal.Entitlements.Residence;
import vn.childguard.trafficking.internal.Entitlements.Situation;

/** The Art. 37 matrix, row by row as shipped, and what the law says of some situations. */
class EntitlementsTests {

    static final List<Entitlements.Rule> ROWS = Entitlements.shipped();
    static final Entitlements MATRIX = new Entitlements(ROWS);

    static List<Entitlements.Rule> rows() {
        return ROWS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowOfTheMatrixIsWhatTheRulesAnswer(Entitlements.Rule row) {
        assertThat(MATRIX.entitled(row.benefit(), row.situation())).isEqualTo(row.entitled());
        assertThat(MATRIX.basis(row.benefit(), row.situation())).isEqualTo(row.basis());
    }

    @Test
    void theMatrixCoversEveryCombinationOnce() {
        assertThat(ROWS).hasSize(Benefit.values().length * 2 * 2 * 2 * 2);
        assertThat(ROWS.stream().map(r -> r.benefit() + "/" + r.situation()).distinct()).hasSize(ROWS.size());
    }

    @Test
    void anIdentifiedVietnameseVictimAtHomeIsEntitledToEverything() {
        assertThat(MATRIX.entitledTo(new Situation(PersonStatus.VICTIM, Location.IN_VIETNAM, Residence.CITIZEN, false)))
                .isEqualTo(EnumSet.allOf(Benefit.class));
    }

    @Test
    void aPersonUnderIdentificationGetsPartOfTheSupportButNoAllowanceLoanOrSchooling() {
        var s = new Situation(PersonStatus.UNDER_IDENTIFICATION, Location.IN_VIETNAM, Residence.CITIZEN, false);
        assertThat(MATRIX.entitledTo(s)).contains(Benefit.ESSENTIAL_NEEDS, Benefit.MEDICAL, Benefit.PSYCHOLOGICAL,
                Benefit.LEGAL_AID).doesNotContain(Benefit.HARDSHIP_ALLOWANCE, Benefit.LOAN, Benefit.EDUCATION,
                Benefit.VOCATIONAL_TRAINING);
    }

    @Test
    void abroadTheMissionCoversEssentialsAndTheWayHomeOnly() {
        var s = new Situation(PersonStatus.VICTIM, Location.ABROAD, Residence.CITIZEN, false);
        assertThat(MATRIX.entitledTo(s)).contains(Benefit.ESSENTIAL_NEEDS, Benefit.TRAVEL_HOME)
                .doesNotContain(Benefit.LOAN, Benefit.VOCATIONAL_TRAINING, Benefit.EDUCATION);
    }

    @Test
    void anUnknownSituationEntitlesToNothing() {
        assertThat(new Entitlements(List.of()).entitledTo(
                new Situation(PersonStatus.VICTIM, Location.IN_VIETNAM, Residence.CITIZEN, false))).isEmpty();
    }
}
