package vn.childguard.intelligence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The communes of the province as polygons (GeoJSON, lon/lat), drawn as an inline SVG choropleth on
 * the server: no tile server, no script. Projection: equirectangular, longitudes shrunk by the cosine
 * of the mean latitude, north up.
 */
public final class CommuneMap {

    /** One commune: code, name and its rings of [lon, lat] points. */
    public record Commune(String code, String name, List<List<double[]>> rings) {
    }

    static final int WIDTH = 800;

    private final List<Commune> communes;
    private final double minLon;
    private final double maxLat;
    private final double scale;
    private final double cos;
    private final int height;

    CommuneMap(List<Commune> communes) {
        this.communes = List.copyOf(communes);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Commune c : communes) {
            for (List<double[]> ring : c.rings()) {
                for (double[] p : ring) {
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        this.minLon = minX;
        this.maxLat = maxY;
        this.cos = Math.cos(Math.toRadians((minY + maxY) / 2));
        double w = Math.max(1e-9, (maxX - minX) * cos);
        this.scale = WIDTH / w;
        this.height = (int) Math.ceil((maxY - minY) * scale);
    }

    /** Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features with {@code code} and {@code name}. */
    public static CommuneMap read(InputStream geojson) {
        try (geojson) {
            JsonNode root = JsonMapper.builder().build().readTree(geojson);
            List<Commune> communes = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                JsonNode g = f.get("geometry");
                List<List<double[]>> rings = new ArrayList<>();
                if ("Polygon".equals(g.get("type").asString())) {
                    addPolygon(g.get("coordinates"), rings);
                } else if ("MultiPolygon".equals(g.get("type").asString())) {
                    for (JsonNode polygon : g.get("coordinates")) {
                        addPolygon(polygon, rings);
                    }
                }
                communes.add(new Commune(f.get("properties").get("code").asString(),
                        f.get("properties").get("name").asString(), rings));
            }
            return new CommuneMap(communes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPolygon(JsonNode polygon, List<List<double[]>> rings) {
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode p : ring) {
                points.add(new double[]{p.get(0).asDouble(), p.get(1).asDouble()});
            }
            rings.add(points);
        }
    }

    public List<Commune> communes() {
        return communes;
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
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\">");
        for (Commune c : communes) {
            long score = scores.getOrDefault(c.code(), 0L);
            int heat = score == 0 || max == 0 ? 0 : (int) Math.max(1, Math.min(4, Math.ceil(4.0 * score / max)));
            svg.append("<path id=\"commune-").append(escape(c.code())).append("\" class=\"cg-heat-")
                    .append(heat).append("\" data-code=\"").append(escape(c.code())).append("\" d=\"");
            for (List<double[]> ring : c.rings()) {
                for (int i = 0; i < ring.size(); i++) {
                    double[] p = ring.get(i);
                    svg.append(i == 0 ? 'M' : 'L').append(fmt((p[0] - minLon) * cos * scale)).append(',')
                            .append(fmt((maxLat - p[1]) * scale));
                }
                svg.append('Z');
            }
            svg.append("\"><title>").append(escape(titles.getOrDefault(c.code(), c.name())))
                    .append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }

    /** Escapes markup characters only: Vietnamese letters stay as they are (the page is UTF-8). */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
