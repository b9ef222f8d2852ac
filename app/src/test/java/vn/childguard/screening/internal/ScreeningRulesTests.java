package vn.childguard.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Sex;
import vn.childguard.screening.internal.RuleSet.Rule;
import vn.childguard.screening.internal.ScreeningRules.Candidate;
import vn.childguard.screening.internal.ScreeningRules.Companion;
import vn.childguard.screening.internal.ScreeningRules.Subject;

class ScreeningRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    static final RuleSet RULES = RuleSet.parse(1, """
            alert_threshold=30
            match_threshold=0.5
            weight.WATCHLIST=70
            weight.AT_RISK_CHILD=70
            weight.MINOR_TO_RISK_COUNTRY=25
            weight.MINOR_UNDER_14=15
            weight.RISKY_VISA=15
            weight.NO_GUARDIAN=20
            weight.ADULT_WITH_UNRELATED_MINORS=30
            weight.SAME_ADULT_DIFFERENT_MINORS=40
            weight.HOTSPOT_COMMUNE=10
            weight.COMPANION_ON_WATCHLIST=40
            risk_countries=RU,PL,FR,GB
            risky_visas=TOURIST,STUDENT
            hotspot_communes=25486
            window_days=30
            distinct_minors=3
            """);

    static TravelRecord traveller(String id, String name, String birth, String destination, String transit, String visa) {
        return new TravelRecord(id, name, BirthDate.parse(birth), Sex.UNKNOWN, null, "VN", DAY, "EXIT", "SGN", destination,
                transit.isEmpty() ? List.of() : List.of(transit.split(";")), "B1", "TOURISM", visa, List.of());
    }

    static Subject subject(TravelRecord r, List<Companion> companions) {
        return new Subject(r, List.of(), List.of(), null, companions, 0);
    }

    static final TravelRecord GIRL_15 = traveller("g", "Trần Thị Mai", "2011-08-01", "RU", "", "TOURIST");
    static final TravelRecord ADULT = traveller("a", "Lê Văn Tâm", "1984-02-03", "RU", "", "TOURIST");

    @Test
    void aWatchlistCandidateFiresWithItsWeightScaledByTheScore() {
        var s = new Subject(ADULT, List.of(new Candidate("WATCHLIST", "7", "7", 0.9, "name=3/3")), List.of(), null, List.of(), 0);
        var e = ScreeningRules.evaluate(RULES, s);
        assertThat(e.rules()).containsExactly(Rule.WATCHLIST);
        assertThat(e.score()).isEqualTo(63);
        assertThat(e.alerts(RULES)).isTrue();
    }

    @Test
    void anAtRiskChildCandidateFires() {
        var s = new Subject(GIRL_15.withDestination("KH"), List.of(), List.of(new Candidate("AT_RISK_CHILD", "5", "Trần Thị Mai, 2011", 1.0, "")),
                null, List.of(), 0);
        assertThat(ScreeningRules.evaluate(RULES, s).rules()).containsExactly(Rule.AT_RISK_CHILD);
    }

    @Test
    void aMinorOf15ToMoscowOnATouristVisaWithAnUnrelatedAdultWeighsAllThree() {
        var e = ScreeningRules.evaluate(RULES, subject(GIRL_15, List.of(new Companion(ADULT, false, "NONE", List.of()))));
        assertThat(e.rules()).containsExactly(Rule.MINOR_TO_RISK_COUNTRY);
        assertThat(e.score()).isEqualTo(25 + 15 + 20);
        assertThat(e.fired().get(0).args()).containsExactly("15", "RU", "14to17,visa,noGuardian");
    }

    @Test
    void aMinorWithAParentOnTheBookingAndABusinessVisaStaysUnderTheThreshold() {
        TravelRecord boy = traveller("b", "Lê Văn An", "2011-01-01", "FR", "", "BUSINESS");
        var e = ScreeningRules.evaluate(RULES, subject(boy, List.of(new Companion(ADULT, true, "FAMILY_NAME", List.of()))));
        assertThat(e.score()).isEqualTo(25);
        assertThat(e.alerts(RULES)).isFalse();
    }

    @Test
    void underFourteenWeighsMoreAndTransitCountriesCount() {
        TravelRecord child = traveller("c", "Võ Thị Hoa", "2016-03-03", "KH", "PL;DE", "");
        var e = ScreeningRules.evaluate(RULES, subject(child, List.of()));
        assertThat(e.fired().get(0).args()).containsExactly("10", "PL", "under14,noGuardian");
        assertThat(e.score()).isEqualTo(25 + 15 + 20);
    }

    @Test
    void aMinorToASafeCountryOrAnEntryDoesNotFire() {
        assertThat(ScreeningRules.evaluate(RULES, subject(GIRL_15.withDestination("KH"), List.of())).fired()).isEmpty();
    }

    @Test
    void anAdultWithAnUnrelatedMinorFiresButNotWithTheirOwnChild() {
        var unrelated = ScreeningRules.evaluate(RULES, subject(ADULT, List.of(new Companion(GIRL_15, false, "NONE", List.of()))));
        assertThat(unrelated.rules()).containsExactly(Rule.ADULT_WITH_UNRELATED_MINORS);
        var own = ScreeningRules.evaluate(RULES, subject(ADULT, List.of(new Companion(GIRL_15, true, "REGISTER", List.of()))));
        assertThat(own.fired()).isEmpty();
    }

    @Test
    void theSameAdultWithThreeDifferentMinorsInTheWindowFires() {
        var three = ScreeningRules.evaluate(RULES, new Subject(ADULT.withDestination("KH"), List.of(), List.of(), null, List.of(), 3));
        assertThat(three.rules()).containsExactly(Rule.SAME_ADULT_DIFFERENT_MINORS);
        var two = ScreeningRules.evaluate(RULES, new Subject(ADULT.withDestination("KH"), List.of(), List.of(), null, List.of(), 2));
        assertThat(two.fired()).isEmpty();
    }

    @Test
    void aHotspotCommuneFiresOnlyForARegisteredTravellerAndAloneStaysUnderTheThreshold() {
        var e = ScreeningRules.evaluate(RULES, new Subject(ADULT.withDestination("KH"), List.of(), List.of(), "25486", List.of(), 0));
        assertThat(e.rules()).containsExactly(Rule.HOTSPOT_COMMUNE);
        assertThat(e.alerts(RULES)).isFalse();
        assertThat(ScreeningRules.evaluate(RULES, new Subject(ADULT.withDestination("KH"), List.of(), List.of(), "25999",
                List.of(), 0)).fired()).isEmpty();
    }

    @Test
    void aCompanionOnTheWatchlistFires() {
        var broker = new Companion(ADULT, false, "NONE", List.of(new Candidate("WATCHLIST", "9", "9", 0.99, "")));
        var e = ScreeningRules.evaluate(RULES, subject(traveller("x", "Đỗ Văn Bình", "1990-01-01", "KH", "", ""), List.of(broker)));
        assertThat(e.rules()).containsExactly(Rule.COMPANION_ON_WATCHLIST);
        assertThat(e.alerts(RULES)).isTrue();
    }

    @Test
    void ruleSetsRejectBadValuesByField() {
        var problems = new java.util.LinkedHashMap<String, String>();
        RuleSet.parse(0, RULES.definition().replace("risk_countries=", "risk_countries=RUS,").replace("window_days=30", "window_days=x"),
                problems);
        assertThat(problems).containsOnlyKeys("risk_countries", "window_days");
        assertThat(RuleSet.parse(1, RULES.definition())).isEqualTo(RULES);
    }
}
