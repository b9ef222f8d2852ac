package vn.childguard.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecreeTextTests {

    @Test
    void padsNumbersUnderTen() {
        assertThat(DecreeText.numberLine(5, "BC-CAT")).isEqualTo("Số: 05/BC-CAT");
        assertThat(DecreeText.numberLine(12, "BC-CAT")).isEqualTo("Số: 12/BC-CAT");
        assertThat(DecreeText.numberLine(113, "KH-UBND")).isEqualTo("Số: 113/KH-UBND");
    }

    @Test
    void padsDaysUnderTenAndOnlyJanuaryAndFebruary() {
        assertThat(DecreeText.date(LocalDate.of(2026, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2026");
        assertThat(DecreeText.date(LocalDate.of(2026, 1, 20))).isEqualTo("ngày 20 tháng 01 năm 2026");
        assertThat(DecreeText.date(LocalDate.of(2025, 3, 15))).isEqualTo("ngày 15 tháng 3 năm 2025");
        assertThat(DecreeText.date(LocalDate.of(2025, 11, 15))).isEqualTo("ngày 15 tháng 11 năm 2025");
        assertThat(DecreeText.date(LocalDate.of(2025, 12, 9))).isEqualTo("ngày 09 tháng 12 năm 2025");
    }

    @Test
    void placeComesBeforeTheDate() {
        assertThat(DecreeText.placeAndDate("Tây Ninh", LocalDate.of(2026, 2, 5))).isEqualTo("Tây Ninh, ngày 05 tháng 02 năm 2026");
    }

    @Test
    void numbersPartsInRomanNumerals() {
        assertThat(List.of(1, 2, 3, 4, 9, 14, 40)).map(DecreeText::roman).containsExactly("I", "II", "III", "IV", "IX", "XIV", "XL");
    }

    @Test
    void endsRecipientsWithSemicolonsAndTheArchiveLineWithAFullStop() {
        List<String> recipients = List.of("Sở Y tế", "Lưu: VT, PV05");
        assertThat(DecreeText.recipientLine(recipients, 0)).isEqualTo("- Sở Y tế;");
        assertThat(DecreeText.recipientLine(recipients, 1)).isEqualTo("- Lưu: VT, PV05.");
    }

    @Test
    void writesTheTypeNameInSentenceCaseForTheAnnexReference() {
        assertThat(DecreeText.sentenceCase("BÁO CÁO")).isEqualTo("Báo cáo");
        assertThat(SampleDocuments.halfYearReport().annexReference())
                .isEqualTo("(Kèm theo Báo cáo số 05/BC-CAT ngày 05 tháng 02 năm 2026)");
    }
}
