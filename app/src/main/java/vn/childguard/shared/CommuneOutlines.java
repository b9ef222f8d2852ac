package vn.childguard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province's communes from a GeoJSON file of Polygon/MultiPolygon features with {@code code} and
 * {@code name}, projected once to SVG path data of a given width (equirectangular, north up, the
 * longitude scaled by the cosine of the middle latitude). A commune drawn as several features keeps
 * all their rings under one code. The modules' maps only colour these outlines: no tiles, nothing
 * fetched.
 */
public final class CommuneOutlines {

    /** Tây Ninh's communes and wards after the 2025 reform, shipped with the application. */
    public static final String TAY_NINH = "reference/tay-ninh-communes-2025.geojson";

    /** One commune: code, name and its outline as SVG path data ({@code M…L…Z} per ring). */
    public record Outline(String code, String name, String path) {
    }

    private final Map<String, Outline> outlines;
    private final int width;
    private final int height;

    private CommuneOutlines(Map<String, Outline> outlines, int width, int height) {
        this.outlines = Collections.unmodifiableMap(outlines);
        this.width = width;
        this.height = height;
    }

    /** The shipped Tây Ninh boundaries at this width. */
    public static CommuneOutlines tayNinh(int width) {
        try {
            return read(new ClassPathResource(TAY_NINH).getInputStream(), width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and projects a FeatureCollection; refuses a file without communes. */
    public static CommuneOutlines read(InputStream geojson, int width) {
        JsonNode root;
        try (geojson) {
            root = JsonMapper.builder().build().readTree(geojson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<double[][]>> rings = new LinkedHashMap<>();
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode feature : root.get("features")) {
            String code = feature.get("properties").get("code").asString();
            names.putIfAbsent(code, feature.get("properties").get("name").asString());
            List<double[][]> own = rings.computeIfAbsent(code, c -> new ArrayList<>());
            JsonNode geometry = feature.get("geometry");
            JsonNode coordinates = geometry.get("coordinates");
            switch (geometry.get("type").asString()) {
                case "Polygon" -> coordinates.forEach(ring -> own.add(ring(ring, box)));
                case "MultiPolygon" -> coordinates.forEach(polygon -> polygon.forEach(ring -> own.add(ring(ring, box))));
                default -> {
                    // points and lines have no area to colour
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the boundary file holds no communes");
        }
        double kx = Math.cos(Math.toRadians((box[2] + box[3]) / 2));
        double scale = width / Math.max(1e-9, (box[1] - box[0]) * kx);
        Map<String, Outline> outlines = new LinkedHashMap<>();
        names.forEach((code, name) -> {
            StringBuilder d = new StringBuilder();
            for (double[][] ring : rings.get(code)) {
                for (int i = 0; i < ring.length; i++) {
                    d.append(i == 0 ? 'M' : 'L').append(round((ring[i][0] - box[0]) * kx * scale)).append(',')
                            .append(round((box[3] - ring[i][1]) * scale));
                }
                d.append('Z');
            }
            outlines.put(code, new Outline(code, name, d.toString()));
        });
        return new CommuneOutlines(outlines, width, (int) Math.ceil((box[3] - box[2]) * scale));
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

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    /** Every commune, in file order. */
    public Collection<Outline> all() {
        return outlines.values();
    }

    public Set<String> codes() {
        return outlines.keySet();
    }

    /** The commune's name, or the code itself for a unit not on the map. */
    public String name(String code) {
        Outline o = outlines.get(code);
        return o == null ? code : o.name();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
