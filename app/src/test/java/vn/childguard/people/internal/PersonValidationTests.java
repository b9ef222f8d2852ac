package vn.childguard.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.childguard.matching.Match;
import vn.childguard.matching.Reason;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonCandidate;

class PersonValidationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static NewPerson person(String name, String birth, Integer age, String sex, String citizenId, String unit) {
        return new NewPerson(name, birth, age, sex, citizenId == null ? List.of()
                : List.of(new NewPerson.PersonDocument("CITIZEN_ID", citizenId)), null, null, unit, null, null);
    }

    static Map<String, String> errors(NewPerson p) {
        return PersonValidation.errors(p, TODAY, "25486"::equals);
    }

    @Test
    void aNameAloneIsEnoughForAnUnknownChild() {
        assertThat(errors(person("Nguyễn Thị Ánh", null, null, null, null, null))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsFieldWithAMessageKey() {
        assertThat(errors(person(" ", "14/03/2011", null, "X", "07231100012", "99999"))).containsExactly(
                Map.entry("fullName", "people.error.fullName.required"),
                Map.entry("birthDate", "people.error.birthDate.format"),
                Map.entry("sex", "people.error.sex"),
                Map.entry("documents[0].number", "people.error.document.citizenId"),
                Map.entry("unitCode", "people.error.unitCode"));
    }

    @Test
    void birthDatesAreFullOrYearOnlyAndNeverInTheFuture() {
        assertThat(errors(person("A", "2011-03-14", null, "F", null, "25486"))).isEmpty();
        assertThat(errors(person("A", "2011", null, "F", null, null))).isEmpty();
        assertThat(errors(person("A", "2026-11-29", null, null, null, null)))
                .containsEntry("birthDate", "people.error.birthDate.future");
        assertThat(errors(person("A", "2027", null, null, null, null)))
                .containsEntry("birthDate", "people.error.birthDate.future");
        assertThat(errors(person("A", "2011-02-30", null, null, null, null)))
                .containsEntry("birthDate", "people.error.birthDate.format");
    }

    @Test
    void anEstimatedAgeIsZeroToOneHundredTwentyAndStoredAsAnEstimatedYear() {
        assertThat(errors(person("A", null, 121, null, null, null)))
                .containsEntry("estimatedAge", "people.error.estimatedAge.range");
        assertThat(errors(person("A", null, -1, null, null, null)))
                .containsEntry("estimatedAge", "people.error.estimatedAge.range");
        assertThat(PersonValidation.birth(person("A", null, 15, null, null, null), TODAY))
                .isEqualTo(new PersonValidation.Birth("2011", true));
        assertThat(PersonValidation.birth(person("A", "2011-03-14", 15, null, null, null), TODAY))
                .isEqualTo(new PersonValidation.Birth("2011-03-14", false));
    }

    @Test
    void aCitizenIdHasTwelveDigitsWhateverSpacesAreTyped() {
        assertThat(errors(person("A", null, null, null, "072 311 000 123", null))).isEmpty();
        assertThat(PersonValidation.normaliseDocument("072 311-000.123")).isEqualTo("072311000123");
        assertThat(errors(new NewPerson("A", null, null, null, List.of(new NewPerson.PersonDocument("VISA", "X1")),
                null, null, null, null, null))).containsEntry("documents[0].kind", "people.error.document.kind");
    }

    @Test
    void theLabelIsTheNameAsWrittenAndTheBirthYear() {
        assertThat(PersonValidation.label("Nguyễn Thị Ánh", "2011-03-14")).isEqualTo("Nguyễn Thị Ánh, 2011");
        assertThat(PersonValidation.label("Nguyễn Thị Ánh", "2011")).isEqualTo("Nguyễn Thị Ánh, 2011");
        assertThat(PersonValidation.label("Nguyễn Thị Ánh", null)).isEqualTo("Nguyễn Thị Ánh");
    }

    @Test
    void aCandidateCarriesBirthYearScoreAlertAndReadableReasons() {
        Match match = new Match("7", 0.98765, true, List.of(new Reason("name", "3/3 tokens regional 1", 12.04),
                new Reason("birth_date", "exact", 14.5), new Reason("citizen_id", "year_conflict+sex_conflict", -7),
                new Reason("weird", "thing", 1)));
        Map<String, String> bundle = Map.of("people.reason.name", "Name: {0}/{1} words agree",
                "people.reason.name.regional", "{0} as spelt in another region",
                "people.reason.birth_date.exact", "Same date of birth",
                "people.reason.citizen_id.year_conflict", "ID disagrees with the year",
                "people.reason.citizen_id.sex_conflict", "ID disagrees with the sex");
        PersonCandidate c = PeopleService.candidate(7, "NGUYEN THI ANH", "2011-03-14", "F", "Xã Tân Biên", match,
                (key, args) -> bundle.containsKey(key) ? java.text.MessageFormat.format(bundle.get(key), args) : null);
        assertThat(c.personId()).isEqualTo(7);
        assertThat(c.birthYear()).isEqualTo(2011);
        assertThat(c.score()).isEqualTo(0.98765);
        assertThat(c.strong()).isTrue();
        assertThat(c.reasons()).containsExactly("Name: 3/3 words agree, 1 as spelt in another region (+12.0)",
                "Same date of birth (+14.5)", "ID disagrees with the year; ID disagrees with the sex (-7.0)",
                "weird=thing(+1.0)");
    }

    @Test
    void onlyJpegAndPngPhotosUpToTwoMegabytesAreAccepted() {
        assertThat(PeopleService.photoType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10})).isEqualTo("image/jpeg");
        assertThat(PeopleService.photoType(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .isEqualTo("image/png");
        assertThatThrownBy(() -> PeopleService.photoType("GIF89a".getBytes()))
                .isInstanceOf(InvalidPersonException.class)
                .satisfies(e -> assertThat(((InvalidPersonException) e).errors()).containsEntry("photo", "people.error.photo.type"));
        byte[] big = new byte[PeopleService.MAX_PHOTO_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> PeopleService.photoType(big))
                .satisfies(e -> assertThat(((InvalidPersonException) e).errors()).containsEntry("photo", "people.error.photo.size"));
    }
}
