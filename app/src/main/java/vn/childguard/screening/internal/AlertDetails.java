package vn.childguard.screening.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The explanation of an alert, stored (encrypted) as tab-separated lines: {@code F} rule fired
 * (rule, weight, message key, arguments), {@code C} candidate (source, id, label, score, reasons),
 * {@code P} companion (record id, relation, minor).
 */
public final class AlertDetails {

    public record Line(String kind, List<String> fields) {
    }

    private AlertDetails() {
    }

    public static String write(ScreeningRules.Evaluation e, ScreeningRules.Subject s) {
        StringBuilder b = new StringBuilder();
        for (var f : e.fired()) {
            line(b, "F", f.rule().name(), String.valueOf(f.weight()), f.messageKey(), String.join("\u001f", f.args()));
        }
        for (var c : s.watchlist()) {
            line(b, "C", c.source(), c.id(), c.label(), String.format(java.util.Locale.ROOT, "%.3f", c.score()), c.reasons());
        }
        for (var c : s.atRisk()) {
            line(b, "C", c.source(), c.id(), c.label(), String.format(java.util.Locale.ROOT, "%.3f", c.score()), c.reasons());
        }
        for (var c : s.companions()) {
            line(b, "P", c.record().recordId(), c.relation(), String.valueOf(c.record().minor()),
                    c.watchlist().isEmpty() ? "" : c.watchlist().get(0).id());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String kind, String... fields) {
        b.append(kind);
        for (String f : fields) {
            b.append('\t').append(f == null ? "" : f.replace('\t', ' ').replace('\n', ' '));
        }
        b.append('\n');
    }

    public static List<Line> read(String text) {
        List<Line> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\t", -1);
            out.add(new Line(parts[0], Arrays.asList(parts).subList(1, parts.length)));
        }
        return out;
    }
}
