package vn.childguard.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.shared.documents.OfficialDocument.Issuer;
import vn.childguard.shared.documents.OfficialDocument.Section;
import vn.childguard.shared.documents.OfficialDocument.Signature;
import vn.childguard.shared.documents.OfficialDocument.Table;

class OfficialDocumentTests {

    private static OfficialDocument report(int number, Signature signature, List<String> recipients) {
        return new OfficialDocument(Issuer.of("Công an tỉnh"), number, "BC-CAT", "Ta\u0302y Ninh", LocalDate.of(2026, 2, 5),
                "BÁO CÁO", List.of("Tóm tắt"), List.of(Section.of("KẾT QUẢ", "Nội dung.")), null, signature, recipients);
    }

    private static final Signature DIRECTOR = new Signature(null, "GIÁM ĐỐC", "Nguyễn Văn A");

    @Test
    void normalisesTextToNfcAndTheIssuerToUpperCase() {
        OfficialDocument document = report(5, DIRECTOR, List.of("Lưu: VT"));
        assertThat(document.place()).isEqualTo("Tây Ninh");
        assertThat(document.issuer().name()).isEqualTo("CÔNG AN TỈNH");
        assertThat(document.placeAndDate()).isEqualTo("Tây Ninh, ngày 05 tháng 02 năm 2026");
        assertThat(document.numberLine()).isEqualTo("Số: 05/BC-CAT");
    }

    @Test
    void acceptsRecipientsWrittenAsOnPaper() {
        OfficialDocument document = report(5, DIRECTOR, List.of("- Sở Y tế;", "- Lưu: VT, PV05."));
        assertThat(document.recipients()).containsExactly("Sở Y tế", "Lưu: VT, PV05");
    }

    @Test
    void requiresTheArchiveLineLast() {
        assertThatThrownBy(() -> report(5, DIRECTOR, List.of("Lưu: VT", "Sở Y tế")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lưu: VT");
    }

    @Test
    void refusesAnUnknownAuthorityPrefix() {
        assertThatThrownBy(() -> new Signature("THAY MẶT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TM.");
        assertThat(new Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn C").authority()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
    }

    @Test
    void refusesNumberZeroAndASlashInTheCodeSymbol() {
        assertThatThrownBy(() -> report(0, DIRECTOR, List.of("Lưu: VT"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficialDocument(Issuer.of("CÔNG AN TỈNH"), 1, "05/BC-CAT", "Tây Ninh", LocalDate.of(2026, 2, 5),
                "BÁO CÁO", List.of(), List.of(Section.of("A", "b")), null, DIRECTOR, List.of("Lưu: VT")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table(List.of("STT", "Nhiệm vụ"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header has 2");
    }

    @Test
    void refusesSheetNamesExcelCannotOpen() {
        assertThatThrownBy(() -> new SpreadsheetTable("Tiến độ 6/2026", null, List.of("A"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpreadsheetTable("x".repeat(32), null, List.of("A"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpreadsheetTable.of("Tiến độ", null, List.of("A"), List.of(List.of(LocalDate.of(2026, 1, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strings or numbers");
    }
}
