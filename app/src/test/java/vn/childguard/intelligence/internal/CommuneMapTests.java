package vn.childguard.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commune map: read from GeoJSON, drawn as SVG shaded by score, with no external resource. */
class CommuneMapTests {

    static final String TWO_SQUARES = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"1","name":"Xã <A>"},"geometry":{"type":"Polygon",
              "coordinates":[[[106.0,11.0],[106.1,11.0],[106.1,11.1],[106.0,11.1],[106.0,11.0]]]}},
             {"type":"Feature","properties":{"code":"2","name":"Xã B"},"geometry":{"type":"MultiPolygon",
              "coordinates":[[[[106.1,11.0],[106.2,11.0],[106.2,11.1],[106.1,11.1],[106.1,11.0]]]]}}]}
            """;

    @Test
    void theHottestCommuneIsShadedDarkestAndAnEmptyOneNotAtAll() {
        CommuneMap map = CommuneMap.read(new ByteArrayInputStream(TWO_SQUARES.getBytes(StandardCharsets.UTF_8)));
        String svg = map.svg(Map.of("1", 9L), Map.of("1", "Xã <A>: 3 nạn nhân"), "Bản đồ");
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("id=\"commune-1\" class=\"cg-heat-4\"", "id=\"commune-2\" class=\"cg-heat-0\"")
                .contains("<title>Xã &lt;A&gt;: 3 nạn nhân</title>", "aria-label=\"Bản đồ\"")
                .doesNotContain("https://", "tile");
        // north up: the first square's top-left corner (106.0, 11.1) is drawn at the origin
        assertThat(svg).contains("L0.0,0.0");
    }

    @Test
    void theShippedMapHasTheProvincesNinetySixCommunes() {
        CommuneMap map = CommuneMap.tayNinh();
        assertThat(map.communes()).hasSize(96);
        assertThat(map.communes()).anySatisfy(c -> assertThat(c.code()).isEqualTo("25534"));
        assertThat(map.communes()).anySatisfy(c -> assertThat(c.code()).isEqualTo("25486"));
    }
}
