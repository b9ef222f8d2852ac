package vn.childguard.trafficking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseDataTests {

    static final CaseData.Lists LISTS = new CaseData.Lists(Set.of("FORCED_CRIMINALITY")::contains,
            Set.of("DEBT_BONDAGE")::contains, Set.of("GB", "FR", "RU")::contains);

    @Test
    void htcdsDataIsCleanedAndTheFirstExploitationFound() {
        Map<String, Object> data = CaseData.check(Map.of("exploitationTypes", "FORCED_CRIMINALITY",
                "meansOfControl", List.of("DEBT_BONDAGE"), "destinationCountries", "GB", "transitCountries", "RU, FR",
                "debtAmount", "25.000", "returnMode", "REPATRIATED",
                "events", List.of(Map.of("kind", "EXPLOITATION", "place", "cannabis farm", "country", "GB",
                        "date", "2025-11-01")),
                "nrm", Map.of("referralDate", "2025-12-01", "reasonableGrounds", "POSITIVE")), LISTS,
                LocalDate.of(2026, 3, 1));
        assertThat(data.get("transitCountries")).isEqualTo(List.of("RU", "FR"));
        assertThat(data.get("debtAmount")).isEqualTo(25000L);
        assertThat(CaseData.firstExploitation(data)).isEqualTo(LocalDate.of(2025, 11, 1));
    }

    @Test
    void unknownCodesAndFutureDatesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> CaseData.check(Map.of("exploitationTypes", "NAIL_BAR", "nrm",
                Map.of("referralDate", "2030-01-01")), LISTS, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(TraffickingRuleException.Invalid.class)
                .extracting(e -> ((TraffickingRuleException.Invalid) e).errors().keySet())
                .isEqualTo(Set.of("exploitationTypes", "nrm.referralDate"));
    }
}
