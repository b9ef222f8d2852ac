package vn.childguard.prevention.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The communes of Tây Ninh drawn as an inline SVG from the simplified boundaries shipped with the
 * application: no tiles, no script. Reached communes are filled, the others left pale, hotspot
 * communes outlined in red.
 */
@Component
public class CoverageMap {

    static final String FILE = "reference/tay-ninh-communes-2025.geojson";
    private static final int WIDTH = 640;
    static final String REACHED_FILL = "#2e7d32";
    static final String NOT_REACHED_FILL = "#eceff1";
    static final String HOTSPOT_STROKE = "#c62828";

    /** One commune: code, name and its rings as lon/lat pairs. */
    record Commune(String code, String name, List<double[][]> rings) {
    }

    private final Map<String, Commune> communes;
    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    CoverageMap() throws IOException {
        this(new ClassPathResource(FILE).getInputStream());
    }

    CoverageMap(InputStream geojson) throws IOException {
        JsonNode root;
        try (geojson) {
            root = JsonMapper.builder().build().readTree(geojson);
        }
        Map<String, Commune> byCode = new LinkedHashMap<>();
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode feature : root.get("features")) {
            JsonNode props = feature.get("properties");
            JsonNode geometry = feature.get("geometry");
            List<double[][]> rings = new ArrayList<>();
            String type = geometry.get("type").asString();
            JsonNode coords = geometry.get("coordinates");
            if ("Polygon".equals(type)) {
                coords.forEach(ring -> rings.add(ring(ring, box)));
            } else if ("MultiPolygon".equals(type)) {
                coords.forEach(polygon -> polygon.forEach(ring -> rings.add(ring(ring, box))));
            }
            String code = props.get("code").asString();
            // a commune drawn as several features keeps all their rings
            Commune earlier = byCode.get(code);
            if (earlier != null) {
                rings.addAll(0, earlier.rings());
            }
            byCode.put(code, new Commune(code, props.get("name").asString(), rings));
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException(FILE + " holds no communes");
        }
        this.communes = Collections.unmodifiableMap(byCode);
        this.minLon = box[0];
        this.maxLon = box[1];
        this.minLat = box[2];
        this.maxLat = box[3];
    }

    private static double[][] ring(JsonNode ring, double[] box) {
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

    /** Codes of the communes on the map. */
    public Set<String> codes() {
        return communes.keySet();
    }

    public String name(String code) {
        Commune c = communes.get(code);
        return c == null ? code : c.name();
    }

    /**
     * The map: every commune a path with {@code data-code} and {@code data-reached}, a {@code title}
     * naming it; hotspots get {@code data-hotspot="true"} and a red outline.
     *
     * @param title accessible name of the whole map
     */
    public String svg(Set<String> reached, Set<String> hotspots, String title) {
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = (maxLon - minLon) * kx;
        double spanY = maxLat - minLat;
        double scale = WIDTH / spanX;
        int height = (int) Math.ceil(spanY * scale);
        StringBuilder svg = new StringBuilder(200_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"cg-coverage-map img-fluid\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" id=\"coverage-map\">")
                .append("<title>").append(HtmlUtils.htmlEscape(title)).append("</title>");
        List<Commune> ordered = new ArrayList<>(communes.values());
        // hotspots last so that their outline is drawn on top
        ordered.sort((a, b) -> Boolean.compare(hotspots.contains(a.code()), hotspots.contains(b.code())));
        for (Commune c : ordered) {
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
                    .append(" fill-rule=\"evenodd\" d=\"");
            for (double[][] ring : c.rings()) {
                for (int i = 0; i < ring.length; i++) {
                    double x = (ring[i][0] - minLon) * kx * scale;
                    double y = (maxLat - ring[i][1]) * scale;
                    svg.append(i == 0 ? 'M' : 'L').append(round(x)).append(',').append(round(y));
                }
                svg.append('Z');
            }
            svg.append("\"><title>").append(HtmlUtils.htmlEscape(c.name())).append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
