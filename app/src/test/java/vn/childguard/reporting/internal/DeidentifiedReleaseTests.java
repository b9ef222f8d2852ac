package vn.childguard.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The de-identified release: a population of unique people (each source record differs from every
 * other when names, ids and full dates are kept) is released with k = 11, and no released row links
 * back to fewer than 11 source records; no forbidden field is present.
 */
class DeidentifiedReleaseTests {

    record Person(long id, String name, String document, String address, String birthDate, String notes,
                  DeidentifiedRelease.Row quasi) {
    }

    @Test
    void noReleasedRowMatchesFewerThanElevenSourceRecordsAndTheSuppressionIsReported() {
        Random random = new Random(42);
        List<Person> people = new ArrayList<>();
        String[] sexes = {"Male", "Female"};
        String[] bands = {"9-17", "18-20", "21-23", "27-29", "48+"};
        String[] countries = {"GB", "DE", "FR", "CN", "KH"};
        String[] forms = {"SEXUAL", "FORCED_LABOUR", "FORCED_CRIMINALITY", "ORGAN_REMOVAL"};
        for (int i = 0; i < 3000; i++) {
            // skewed: common combinations and a long tail of rare ones
            boolean common = random.nextInt(10) < 8;
            var quasi = new DeidentifiedRelease.Row(2020 + (common ? random.nextInt(2) : random.nextInt(6)),
                    sexes[random.nextInt(2)], bands[common ? random.nextInt(2) : random.nextInt(bands.length)], "VN",
                    countries[common ? 0 : random.nextInt(countries.length)],
                    forms[common ? random.nextInt(2) : random.nextInt(forms.length)]);
            people.add(new Person(i, "Người " + i, "0" + (100000000 + i), "Ấp " + i, "20" + (i % 10) + "-01-01",
                    "ghi chú " + i, quasi));
        }
        assertThat(people.stream().map(Person::name).distinct().count()).isEqualTo(people.size());

        var result = DeidentifiedRelease.anonymise(people.stream().map(Person::quasi).toList(), DeidentifiedRelease.K);

        Map<DeidentifiedRelease.Row, Long> sourceClasses = people.stream()
                .collect(Collectors.groupingBy(Person::quasi, Collectors.counting()));
        for (DeidentifiedRelease.Row released : result.released()) {
            assertThat(sourceClasses.get(released)).as("source records matching %s", released)
                    .isGreaterThanOrEqualTo(11L);
        }
        assertThat(result.suppressedRecords()).isPositive();
        assertThat(result.released().size() + result.suppressedRecords()).isEqualTo(people.size());
        Map<DeidentifiedRelease.Row, Integer> releasedClasses = new HashMap<>();
        result.released().forEach(r -> releasedClasses.merge(r, 1, Integer::sum));
        assertThat(releasedClasses.values()).allMatch(n -> n >= 11);
    }

    @Test
    void theReleaseCarriesOnlyTheCtdcFieldsAndNoIdentifyingOne() {
        Set<String> forbidden = Set.of("name", "fullname", "document", "address", "birthdate", "notes", "summary", "id",
                "personid", "caseid", "reference", "narrative");
        List<String> components = Arrays.stream(DeidentifiedRelease.Row.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        for (String field : DeidentifiedRelease.FIELDS) {
            assertThat(forbidden).doesNotContain(field.toLowerCase());
        }
        for (String c : components) {
            assertThat(forbidden).doesNotContain(c.toLowerCase());
        }
        assertThat(DeidentifiedRelease.FIELDS).containsExactly("yearOfRegistration", "gender", "ageBroad", "citizenship",
                "CountryOfExploitation", "typeOfExploitation", "majorityStatus");
    }

    @Test
    void ageBandsRollUpToBothSystems() {
        assertThat(AgeBands.vietnamese(15)).isEqualTo("LT16");
        assertThat(AgeBands.vietnamese(17)).isEqualTo("16_17");
        assertThat(AgeBands.vietnamese(18)).isEqualTo("GE18");
        assertThat(AgeBands.vietnamese(null)).isEqualTo(AgeBands.UNKNOWN);
        assertThat(AgeBands.ctdc(8)).isEqualTo("0-8");
        assertThat(AgeBands.ctdc(9)).isEqualTo("9-17");
        assertThat(AgeBands.ctdc(38)).isEqualTo("30-38");
        assertThat(AgeBands.ctdc(48)).isEqualTo("48+");
        assertThat(CsvText.field("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvText.field("-5")).isEqualTo("-5");
        assertThat(CsvText.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
