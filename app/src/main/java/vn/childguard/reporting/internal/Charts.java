package vn.childguard.reporting.internal;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as inline SVG (the CSP forbids scripts and inline styles; SVG presentation
 * attributes are neither). Each chart has a title; the page always shows the same figures as a table
 * and a sentence, so the drawing is never the only way to read them.
 */
public final class Charts {

    /** One bar or point: its label and value. */
    public record Bar(String label, long value) {
    }

    private static final String BAR = "#3182bd";
    private static final String PREVIOUS = "#9ecae1";

    private Charts() {
    }

    /** Horizontal bars, largest label width fixed; values written at the end of each bar. */
    public static String bars(String title, List<Bar> bars) {
        int width = 640;
        int labelWidth = 230;
        int row = 24;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, width, Math.max(row, bars.size() * row + 8));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row + 4;
            int w = (int) Math.round((width - labelWidth - 60) * (double) b.value() / max);
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(esc(shorten(b.label()))).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(w, b.value() > 0 ? 2 : 0)).append("\" height=\"18\" fill=\"").append(BAR)
                    .append("\"><title>").append(esc(b.label())).append(": ").append(b.value()).append("</title></rect>")
                    .append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(b.value()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A trend: a vertical bar per period (oldest first), the current one darker. */
    public static String columns(String title, List<Bar> periods) {
        int width = 640;
        int height = 200;
        int n = Math.max(1, periods.size());
        int slot = (width - 20) / n;
        long max = Math.max(1, periods.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, width, height + 40);
        for (int i = 0; i < periods.size(); i++) {
            Bar p = periods.get(i);
            int h = (int) Math.round((height - 20) * (double) p.value() / max);
            int x = 10 + i * slot + slot / 6;
            int w = Math.max(4, slot * 2 / 3);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(height - h).append("\" width=\"").append(w)
                    .append("\" height=\"").append(h).append("\" fill=\"").append(i == periods.size() - 1 ? BAR : PREVIOUS)
                    .append("\"><title>").append(esc(p.label())).append(": ").append(p.value()).append("</title></rect>")
                    .append("<text x=\"").append(x + w / 2).append("\" y=\"").append(height - h - 4)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(p.value()).append("</text>")
                    .append("<text x=\"").append(x + w / 2).append("\" y=\"").append(height + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(esc(p.label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"img-fluid\" ")
                .append("viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"><title>")
                .append(esc(title)).append("</title>");
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
