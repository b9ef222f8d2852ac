package vn.childguard.prevention.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.childguard.shared.CommuneOutlines;

/**
 * The communes of Tây Ninh drawn as an inline SVG from the simplified boundaries shipped with the
 * application: no tiles, no script. Reached communes are filled, the others left pale, hotspot
 * communes outlined in red.
 */
@Component
public class CoverageMap {

    private static final int WIDTH = 640;
    static final String REACHED_FILL = "#2e7d32";
    static final String NOT_REACHED_FILL = "#eceff1";
    static final String HOTSPOT_STROKE = "#c62828";

    private final CommuneOutlines outlines;

    @Autowired
    CoverageMap() {
        this(CommuneOutlines.tayNinh(WIDTH));
    }

    CoverageMap(InputStream geojson) {
        this(CommuneOutlines.read(geojson, WIDTH));
    }

    private CoverageMap(CommuneOutlines outlines) {
        this.outlines = outlines;
    }

    /** Codes of the communes on the map. */
    public Set<String> codes() {
        return outlines.codes();
    }

    public String name(String code) {
        return outlines.name(code);
    }

    /**
     * The map: every commune a path with {@code data-code} and {@code data-reached}, a {@code title}
     * naming it; hotspots get {@code data-hotspot="true"} and a red outline.
     *
     * @param title accessible name of the whole map
     */
    public String svg(Set<String> reached, Set<String> hotspots, String title) {
        StringBuilder svg = new StringBuilder(200_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"cg-coverage-map img-fluid\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(outlines.height())
                .append("\" id=\"coverage-map\">")
                .append("<title>").append(HtmlUtils.htmlEscape(title)).append("</title>");
        List<CommuneOutlines.Outline> ordered = new ArrayList<>(outlines.all());
        // hotspots last so that their outline is drawn on top
        ordered.sort((a, b) -> Boolean.compare(hotspots.contains(a.code()), hotspots.contains(b.code())));
        for (CommuneOutlines.Outline c : ordered) {
            boolean isReached = reached.contains(c.code());
            boolean hotspot = hotspots.contains(c.code());
            svg.append("<path data-code=\"").append(c.code()).append("\" data-reached=\"").append(isReached)
                    .append('"');
            if (hotspot) {
                svg.append(" data-hotspot=\"true\"");
            }
            svg.append(" fill=\"").append(isReached ? REACHED_FILL : NOT_REACHED_FILL).append('"')
                    .append(" stroke=\"").append(hotspot ? HOTSPOT_STROKE : "#607d8b").append('"')
                    .append(" stroke-width=\"").append(hotspot ? "2.5" : "0.6").append('"')
                    .append(" fill-rule=\"evenodd\" d=\"").append(c.path())
                    .append("\"><title>").append(HtmlUtils.htmlEscape(c.name())).append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }
}
