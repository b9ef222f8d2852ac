package vn.childguard.intelligence.internal;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import vn.childguard.shared.CommuneOutlines;

/** The hotspot map: the province's commune outlines shaded by score, drawn on the server as SVG. */
public final class CommuneMap {

    static final int WIDTH = 800;

    private final CommuneOutlines outlines;

    private CommuneMap(CommuneOutlines outlines) {
        this.outlines = outlines;
    }

    /** Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features with {@code code} and {@code name}. */
    public static CommuneMap read(InputStream geojson) {
        return new CommuneMap(CommuneOutlines.read(geojson, WIDTH));
    }

    /** The shipped Tây Ninh boundaries. */
    static CommuneMap tayNinh() {
        return new CommuneMap(CommuneOutlines.tayNinh(WIDTH));
    }

    /** One entry per commune code (a commune drawn as several features is one outline). */
    public Collection<CommuneOutlines.Outline> communes() {
        return outlines.all();
    }

    /**
     * The map as SVG: each commune a path shaded by its score (five classes, 0 = none, 4 = the highest
     * quarter), with a title naming it and its figures.
     *
     * @param scores  commune code → score
     * @param titles  commune code → the tooltip text (plain, escaped here)
     * @param label   the SVG's accessible name
     */
    public String svg(Map<String, Long> scores, Map<String, String> titles, String label) {
        long max = scores.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(outlines.height()).append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\">");
        for (CommuneOutlines.Outline c : outlines.all()) {
            long score = scores.getOrDefault(c.code(), 0L);
            int heat = score == 0 || max == 0 ? 0 : (int) Math.max(1, Math.min(4, Math.ceil(4.0 * score / max)));
            svg.append("<path id=\"commune-").append(escape(c.code())).append("\" class=\"cg-heat-")
                    .append(heat).append("\" data-code=\"").append(escape(c.code())).append("\" d=\"")
                    .append(c.path()).append("\"><title>").append(escape(titles.getOrDefault(c.code(), c.name())))
                    .append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }

    /** Escapes markup characters only: Vietnamese letters stay as they are (the page is UTF-8). */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
