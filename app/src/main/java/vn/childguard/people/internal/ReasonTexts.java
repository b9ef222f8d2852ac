package vn.childguard.people.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.childguard.matching.Reason;

/**
 * Turns the matching engine's evidence into sentences a case worker reads ("Ngày sinh: trùng khớp
 * (+14.5)"), from the people bundle. Without Spring, so it is unit-tested with any message lookup.
 */
public final class ReasonTexts {

    private ReasonTexts() {
    }

    /**
     * @param message looks a key up with arguments and returns null when the key is unknown
     */
    public static List<String> texts(List<Reason> reasons, BiFunction<String, Object[], String> message) {
        List<String> out = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            String weight = String.format(Locale.ROOT, "%+.1f", r.weight());
            String text = "name".equals(r.part()) ? name(r.agreement(), message) : part(r, message);
            out.add(text == null ? r.toString() : text + " (" + weight + ")");
        }
        return out;
    }

    private static String part(Reason r, BiFunction<String, Object[], String> message) {
        List<String> pieces = new ArrayList<>();
        for (String a : r.agreement().split("\\+")) {
            String t = message.apply("people.reason." + r.part() + "." + a, new Object[0]);
            if (t == null) {
                return null;
            }
            pieces.add(t);
        }
        return String.join("; ", pieces);
    }

    /** {@code 3/3 tokens regional 1 typo 1 unmatched 1} → "Họ tên: khớp 3/3 từ, 1 theo cách viết vùng miền...". */
    private static String name(String agreement, BiFunction<String, Object[], String> message) {
        String[] words = agreement.split(" ");
        if (words.length < 2 || !words[0].contains("/")) {
            return null;
        }
        String[] ratio = words[0].split("/");
        StringBuilder out = new StringBuilder();
        String head = message.apply("people.reason.name", new Object[] {ratio[0], ratio[1]});
        if (head == null) {
            return null;
        }
        out.append(head);
        for (int i = 2; i + 1 < words.length; i += 2) {
            String t = message.apply("people.reason.name." + words[i], new Object[] {words[i + 1]});
            if (t != null) {
                out.append(", ").append(t);
            }
        }
        return out.toString();
    }
}
