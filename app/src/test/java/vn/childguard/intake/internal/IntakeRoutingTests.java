package vn.childguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;

class IntakeRoutingTests {

    static AgencyRef committee(String code, String area) {
        return new AgencyRef(1, code, code, code, AgencyKind.PEOPLES_COMMITTEE, area, null, LocalDate.of(2025, 7, 1),
                null, null);
    }

    static final List<AgencyRef> COMMITTEES = List.of(committee("UBND-TINH", "80"), committee("UBND-25486", "25486"),
            committee("UBND-25489", "25489"));

    /** Province 80 holds both communes; historical commune 1111 went to 25486, district 705 to both. */
    static final Map<String, Set<String>> INSIDE = Map.of(
            "80", Set.of("80", "25486", "25489", "1111", "705"),
            "25486", Set.of("25486", "1111", "705"),
            "25489", Set.of("25489", "705"));
    static final BiPredicate<String, String> COVERS = (j, u) -> INSIDE.getOrDefault(j, Set.of()).contains(u);

    @Test
    void aCurrentCommuneGoesToItsOwnCommittee() {
        assertThat(IntakeRouting.choose("25486", COMMITTEES, COVERS)).map(AgencyRef::code).contains("UBND-25486");
    }

    @Test
    void aHistoricalCommuneWithOneSuccessorGoesToTheSuccessorsCommittee() {
        assertThat(IntakeRouting.choose("1111", COMMITTEES, COVERS)).map(AgencyRef::code).contains("UBND-25486");
    }

    @Test
    void aSplitDistrictGoesToTheProvinceRatherThanGuessingACommune() {
        assertThat(IntakeRouting.choose("705", COMMITTEES, COVERS)).map(AgencyRef::code).contains("UBND-TINH");
    }

    @Test
    void aUnitOutsideTheProvinceHasNoReceiver() {
        assertThat(IntakeRouting.choose("00004", COMMITTEES, COVERS)).isEmpty();
        assertThat(IntakeRouting.choose(" ", COMMITTEES, COVERS)).isEmpty();
    }
}
