package vn.childguard.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormalizerTests {

    @Test
    void diacriticsPresentAbsentOrPartialFoldAlike() {
        List<String> expected = List.of("NGUYEN", "THI", "ANH");
        assertThat(NameNormalizer.tokens("Nguyễn Thị Ánh")).isEqualTo(expected);
        assertThat(NameNormalizer.tokens("NGUYEN THI ANH")).isEqualTo(expected);
        assertThat(NameNormalizer.tokens("Nguyen Thị ANH")).isEqualTo(expected);
        assertThat(NameNormalizer.tokens("nguyễn thị ánh")).isEqualTo(expected);
    }

    @Test
    void decomposedNfdInputFoldsLikePrecomposed() {
        String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Thị Ánh");
        assertThat(NameNormalizer.tokens(nfd)).containsExactly("NGUYEN", "THI", "ANH");
    }

    @Test
    void dBarHasNoDecompositionButFoldsToD() {
        assertThat(Normalizer.normalize("Đ", Normalizer.Form.NFD)).isEqualTo("Đ");
        assertThat(NameNormalizer.tokens("Đặng Đức đạt")).containsExactly("DANG", "DUC", "DAT");
    }

    @Test
    void mrzSeparatorsAndPunctuationSplitTokens() {
        assertThat(NameNormalizer.tokens("NGUYEN<<THI<ANH")).containsExactly("NGUYEN", "THI", "ANH");
        assertThat(NameNormalizer.tokens("  Trần-Văn,  Nam ")).containsExactly("TRAN", "VAN", "NAM");
        assertThat(NameNormalizer.tokens("")).isEmpty();
        assertThat(NameNormalizer.tokens(null)).isEmpty();
        assertThat(NameNormalizer.tokens("<<< 123")).isEmpty();
    }

    @Test
    void regionalSpellingsShareOneKey() {
        assertThat(NameNormalizer.regionalKey("HUYNH")).isEqualTo(NameNormalizer.regionalKey("HOANG"));
        assertThat(NameNormalizer.regionalKey("VO")).isEqualTo(NameNormalizer.regionalKey("VU"));
        assertThat(NameNormalizer.regionalKey("NGUYEN")).isEqualTo("NGUYEN");
    }

    @Test
    void documentsKeepOnlyLettersAndDigits() {
        assertThat(NameNormalizer.normalizeDocument("c 123-4567")).isEqualTo("C1234567");
        assertThat(NameNormalizer.normalizeDocument(" 001 190 123456 ")).isEqualTo("001190123456");
    }

    @Test
    void deletionNeighbourhoodsMeetWithinOneEdit() {
        long[] anh = NameNormalizer.deletionNeighbourhood(1, "ANH");
        assertThat(NameNormalizer.intersects(anh, NameNormalizer.deletionNeighbourhood(1, "ANG"))).isTrue();
        assertThat(NameNormalizer.intersects(anh, NameNormalizer.deletionNeighbourhood(1, "AN"))).isTrue();
        assertThat(NameNormalizer.intersects(anh, NameNormalizer.deletionNeighbourhood(1, "NAH"))).isTrue();
        assertThat(NameNormalizer.intersects(anh, NameNormalizer.deletionNeighbourhood(1, "LINH"))).isFalse();
        long[] id = NameNormalizer.deletionNeighbourhood(2, "001190123456");
        assertThat(NameNormalizer.intersects(id, NameNormalizer.deletionNeighbourhood(2, "001190123457"))).isTrue();
        assertThat(NameNormalizer.intersects(id, NameNormalizer.deletionNeighbourhood(2, "001190123465"))).isTrue();
        assertThat(NameNormalizer.intersects(id, NameNormalizer.deletionNeighbourhood(2, "001190124466"))).isFalse();
    }
}
