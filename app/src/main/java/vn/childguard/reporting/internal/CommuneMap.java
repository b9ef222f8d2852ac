package vn.childguard.reporting.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.childguard.shared.CommuneOutlines;

/**
 * Tây Ninh's 96 communes (2025) from the boundaries shipped with the application, drawn as an inline
 * SVG choropleth: five classes of a single-hue scale, a legend, a {@code title} per commune with its
 * name and value. No tiles, no script, nothing fetched. The commune codes are reporting's "current
 * units": older units are mapped onto them by the read model.
 */
@Component
public class CommuneMap {

    private static final int WIDTH = 640;
    /** Sequential blues, light to dark; "no cases" is grey so that zero and small differ. */
    static final List<String> CLASS_FILLS = List.of("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c");
    static final String ZERO_FILL = "#f5f5f5";

    // the outlines never change: projected once, so a page only fills them
    private final CommuneOutlines outlines = CommuneOutlines.tayNinh(WIDTH);

    /** The current communes' codes, in file order. */
    public Set<String> codes() {
        return outlines.codes();
    }

    public String name(String code) {
        return outlines.name(code);
    }

    /** The class (0–4) of a positive value on a scale up to {@code max}; -1 for zero. */
    static int classOf(long value, long max) {
        if (value <= 0 || max <= 0) {
            return -1;
        }
        return (int) Math.min(CLASS_FILLS.size() - 1, (value - 1) * CLASS_FILLS.size() / max);
    }

    /**
     * The choropleth: every commune a path with {@code data-code} and {@code data-value}, filled by its
     * class; a legend below. Values of communes missing from the map are not drawn (the table lists them).
     */
    public String svg(Map<String, Long> values, String title, Locale locale) {
        long max = outlines.codes().stream().mapToLong(c -> values.getOrDefault(c, 0L)).max().orElse(0);
        int height = outlines.height();
        int legend = 40;
        StringBuilder svg = new StringBuilder(200_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"img-fluid cg-choropleth\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height + legend).append("\"><title>")
                .append(HtmlUtils.htmlEscape(title)).append("</title>");
        for (CommuneOutlines.Outline c : outlines.all()) {
            long value = values.getOrDefault(c.code(), 0L);
            int k = classOf(value, max);
            svg.append("<path data-code=\"").append(c.code()).append("\" data-value=\"").append(value)
                    .append("\" fill=\"").append(k < 0 ? ZERO_FILL : CLASS_FILLS.get(k))
                    .append("\" stroke=\"#607d8b\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"")
                    .append(c.path());
            svg.append("\"><title>").append(HtmlUtils.htmlEscape(c.name())).append(": ").append(value)
                    .append("</title></path>");
        }
        // legend: the class boundaries
        for (int k = 0; k < CLASS_FILLS.size() && max > 0; k++) {
            long lo = lowest(k, max);
            long hi = k == CLASS_FILLS.size() - 1 ? max : lowest(k + 1, max) - 1;
            if (hi < lo) {
                continue;
            }
            int x = 10 + k * 120;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(height + 12)
                    .append("\" width=\"18\" height=\"14\" stroke=\"#607d8b\" fill=\"").append(CLASS_FILLS.get(k))
                    .append("\"/><text x=\"").append(x + 24).append("\" y=\"").append(height + 24)
                    .append("\" font-size=\"12\">").append(lo == hi ? String.valueOf(lo) : lo + "–" + hi).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest value of class k: the least v with (v - 1) * classes >= k * max. */
    static long lowest(int k, long max) {
        int n = CLASS_FILLS.size();
        return (k * max + n - 1) / n + 1;
    }
}
