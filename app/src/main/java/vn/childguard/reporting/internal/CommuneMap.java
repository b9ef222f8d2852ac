package vn.childguard.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tây Ninh's 96 communes (2025) from the boundaries shipped with the application, drawn as an inline
 * SVG choropleth: five classes of a single-hue scale, a legend, a {@code title} per commune with its
 * name and value. No tiles, no script, nothing fetched. The commune codes are reporting's "current
 * units": older units are mapped onto them by the read model.
 */
@Component
public class CommuneMap {

    static final String FILE = "reference/tay-ninh-communes-2025.geojson";
    private static final int WIDTH = 640;
    /** Sequential blues, light to dark; "no cases" is grey so that zero and small differ. */
    static final List<String> CLASS_FILLS = List.of("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c");
    static final String ZERO_FILL = "#f5f5f5";

    record Commune(String code, String name, List<double[][]> rings) {
    }

    private final Map<String, Commune> communes;
    private final double[] box;
    private final double kx;
    private final double scale;
    private final int height;
    private final Map<String, String> paths;

    CommuneMap() throws IOException {
        this(new ClassPathResource(FILE).getInputStream());
    }

    CommuneMap(InputStream geojson) throws IOException {
        JsonNode root;
        try (geojson) {
            root = JsonMapper.builder().build().readTree(geojson);
        }
        Map<String, Commune> byCode = new LinkedHashMap<>();
        box = new double[]{Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode feature : root.get("features")) {
            JsonNode geometry = feature.get("geometry");
            List<double[][]> rings = new ArrayList<>();
            JsonNode coords = geometry.get("coordinates");
            if ("Polygon".equals(geometry.get("type").asString())) {
                coords.forEach(ring -> rings.add(ring(ring)));
            } else {
                coords.forEach(polygon -> polygon.forEach(ring -> rings.add(ring(ring))));
            }
            String code = feature.get("properties").get("code").asString();
            Commune earlier = byCode.get(code);
            if (earlier != null) {
                rings.addAll(0, earlier.rings());
            }
            byCode.put(code, new Commune(code, feature.get("properties").get("name").asString(), rings));
        }
        communes = Collections.unmodifiableMap(byCode);
        kx = Math.cos(Math.toRadians((box[2] + box[3]) / 2));
        scale = WIDTH / ((box[1] - box[0]) * kx);
        height = (int) Math.ceil((box[3] - box[2]) * scale);
        Map<String, String> drawn = new LinkedHashMap<>();
        for (Commune c : communes.values()) {
            StringBuilder d = new StringBuilder();
            for (double[][] ring : c.rings()) {
                for (int i = 0; i < ring.length; i++) {
                    double x = (ring[i][0] - box[0]) * kx * scale;
                    double y = (box[3] - ring[i][1]) * scale;
                    d.append(i == 0 ? 'M' : 'L').append(round(x)).append(',').append(round(y));
                }
                d.append('Z');
            }
            drawn.put(c.code(), d.toString());
        }
        // the outlines never change: projected once, so a page only fills them
        paths = Collections.unmodifiableMap(drawn);
    }

    private double[][] ring(JsonNode ring) {
        double[][] points = new double[ring.size()][];
        for (int i = 0; i < ring.size(); i++) {
            double lon = ring.get(i).get(0).asDouble();
            double lat = ring.get(i).get(1).asDouble();
            box[0] = Math.min(box[0], lon);
            box[1] = Math.max(box[1], lon);
            box[2] = Math.min(box[2], lat);
            box[3] = Math.max(box[3], lat);
            points[i] = new double[]{lon, lat};
        }
        return points;
    }

    /** The current communes' codes, in file order. */
    public Set<String> codes() {
        return communes.keySet();
    }

    public String name(String code) {
        Commune c = communes.get(code);
        return c == null ? code : c.name();
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
        long max = communes.keySet().stream().mapToLong(c -> values.getOrDefault(c, 0L)).max().orElse(0);
        int legend = 40;
        StringBuilder svg = new StringBuilder(200_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"img-fluid cg-choropleth\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height + legend).append("\"><title>")
                .append(HtmlUtils.htmlEscape(title)).append("</title>");
        for (Commune c : communes.values()) {
            long value = values.getOrDefault(c.code(), 0L);
            int k = classOf(value, max);
            svg.append("<path data-code=\"").append(c.code()).append("\" data-value=\"").append(value)
                    .append("\" fill=\"").append(k < 0 ? ZERO_FILL : CLASS_FILLS.get(k))
                    .append("\" stroke=\"#607d8b\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"")
                    .append(paths.get(c.code()));
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

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
