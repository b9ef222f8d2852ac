package vn.childguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childguard.intake.internal.TipValidation.Step;

class TipValidationTests {

    static final Set<String> COMMUNES = Set.of("25486");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static TipDraft complete() {
        TipDraft d = new TipDraft();
        d.setNarrative("Một em bé bị đánh hằng ngày ở nhà hàng xóm.");
        d.setUnitCode("25486");
        d.setWhen("ONGOING");
        d.setContactChoice("ANONYMOUS");
        return d;
    }

    @Test
    void aCompleteAnonymousTipPasses() {
        assertThat(TipValidation.checkAll(complete(), COMMUNES, TODAY)).isEmpty();
        assertThat(TipValidation.firstIncomplete(complete(), COMMUNES, TODAY)).isNull();
    }

    @Test
    void eachQuestionNamesItsField() {
        TipDraft d = new TipDraft();
        assertThat(TipValidation.check(Step.WHAT, d, COMMUNES, TODAY)).containsEntry("narrative", "intake.tip.error.narrative.required");
        d.setNarrative("ngắn");
        assertThat(TipValidation.check(Step.WHAT, d, COMMUNES, TODAY)).containsEntry("narrative", "intake.tip.error.narrative.short");
        d.setUnitCode("00004");
        assertThat(TipValidation.check(Step.WHERE, d, COMMUNES, TODAY)).containsEntry("unitCode", "intake.tip.error.unit.unknown");
        assertThat(TipValidation.check(Step.WHEN, d, COMMUNES, TODAY)).containsEntry("when", "intake.tip.error.when.required");
        assertThat(TipValidation.check(Step.CONTACT, d, COMMUNES, TODAY))
                .containsEntry("contactChoice", "intake.tip.error.contactChoice.required");
        assertThat(TipValidation.firstIncomplete(d, COMMUNES, TODAY)).isEqualTo(Step.WHAT);
    }

    @Test
    void datesMustBeRealAndNotInTheFuture() {
        TipDraft d = complete();
        d.setDate("31/2/2026");
        assertThat(TipValidation.check(Step.WHEN, d, COMMUNES, TODAY)).containsEntry("date", "intake.tip.error.date.format");
        d.setDate("16/3/2026");
        assertThat(TipValidation.check(Step.WHEN, d, COMMUNES, TODAY)).containsEntry("date", "intake.tip.error.date.future");
        d.setDate("14/3/2026");
        assertThat(TipValidation.check(Step.WHEN, d, COMMUNES, TODAY)).isEmpty();
    }

    @Test
    void theChildsAgeIsANumberUnderEighteen() {
        TipDraft d = complete();
        d.setChildAge("mười");
        assertThat(TipValidation.check(Step.CHILD, d, COMMUNES, TODAY)).containsEntry("childAge", "intake.tip.error.childAge");
        d.setChildAge("18");
        assertThat(TipValidation.check(Step.CHILD, d, COMMUNES, TODAY)).containsKey("childAge");
        d.setChildAge("12");
        assertThat(TipValidation.check(Step.CHILD, d, COMMUNES, TODAY)).isEmpty();
    }

    @Test
    void leavingContactNeedsAValidPhone() {
        TipDraft d = complete();
        d.setContactChoice("CONTACT");
        assertThat(TipValidation.check(Step.CONTACT, d, COMMUNES, TODAY)).containsEntry("contactPhone", "intake.tip.error.phone.required");
        d.setContactPhone("12ab");
        assertThat(TipValidation.check(Step.CONTACT, d, COMMUNES, TODAY)).containsEntry("contactPhone", "intake.tip.error.phone.format");
        d.setContactPhone("0912 345 678");
        assertThat(TipValidation.check(Step.CONTACT, d, COMMUNES, TODAY)).isEmpty();
    }

    @Test
    void trackingCodesAreReadBackWhateverTheCaseAndDashes() {
        String code = TrackingCodes.generate();
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(TrackingCodes.normalise(code.toLowerCase().replace("-", " "))).isEqualTo(code.replace("-", ""));
        assertThat(TrackingCodes.normalise("ABCDE-0O1IL")).isNull();
        assertThat(TrackingCodes.normalise("ABC")).isNull();
    }
}
