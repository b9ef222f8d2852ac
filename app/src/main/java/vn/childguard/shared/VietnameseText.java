package vn.childguard.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Text folding for Vietnamese search: "Đặng Thị Ánh" and "dang thi anh" compare equal. */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** NFC form, the one stored and displayed. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Lower case without diacritics; đ/Đ (which has no decomposition) becomes d. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** True when every folded word of the query occurs in the folded text. */
    public static boolean matches(String text, String query) {
        String folded = fold(text);
        for (String word : fold(query).split(" ")) {
            if (!folded.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
