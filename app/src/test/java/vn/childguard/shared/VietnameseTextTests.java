package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTests {

    @Test
    void foldsDiacriticsAndDToPlainLowerCase() {
        assertThat(VietnameseText.fold("Đặng Thị Ánh")).isEqualTo("dang thi anh");
        assertThat(VietnameseText.fold("ĐỖ  ĐỨC   ĐẠT")).isEqualTo("do duc dat");
    }

    @Test
    void decomposedAndComposedFormsFoldAlike() {
        String composed = "Nguyễn Thị Huỳnh";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed));
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo(composed);
    }

    @Test
    void searchMatchesEveryWordWithoutDiacritics() {
        assertThat(VietnameseText.matches("Ủy ban nhân dân xã Tân Biên", "uy ban tan bien")).isTrue();
        assertThat(VietnameseText.matches("Ủy ban nhân dân xã Tân Biên", "tan chau")).isFalse();
    }
}
