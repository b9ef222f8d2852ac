package vn.childguard.prevention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageMapTests {

    static final String TWO = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"1","name":"A & B"},"geometry":{"type":"Polygon","coordinates":[[[106.0,11.0],[106.1,11.0],[106.1,11.1],[106.0,11.0]]]}},
             {"type":"Feature","properties":{"code":"2","name":"C"},"geometry":{"type":"MultiPolygon","coordinates":[[[[106.2,11.2],[106.3,11.2],[106.3,11.3],[106.2,11.2]]]]}},
             {"type":"Feature","properties":{"code":"2","name":"C"},"geometry":{"type":"Polygon","coordinates":[[[106.4,11.4],[106.5,11.4],[106.5,11.5],[106.4,11.4]]]}}
            ]}""";

    @Test
    void drawsReachedCommunesFilledAndHotspotsOutlinedKeepingEveryPartOfACommune() throws Exception {
        CoverageMap map = new CoverageMap(new ByteArrayInputStream(TWO.getBytes(StandardCharsets.UTF_8)));
        String svg = map.svg(Set.of("1"), Set.of("2"), "Bản đồ");

        assertThat(map.codes()).containsExactly("1", "2");
        assertThat(svg).startsWith("<svg").contains("<title>Bản đồ</title>", "<title>A &amp; B</title>",
                "data-code=\"1\" data-reached=\"true\" fill=\"" + CoverageMap.REACHED_FILL,
                "data-code=\"2\" data-reached=\"false\" data-hotspot=\"true\"");
        String second = svg.substring(svg.indexOf("data-code=\"2\""));
        assertThat(second.split("M", -1)).hasSize(3); // two rings, one path
    }

    @Test
    void theShippedBoundariesHoldTayNinhsCommunes() throws Exception {
        CoverageMap map = new CoverageMap();
        assertThat(map.codes()).contains("25486", "25459", "25708").hasSizeGreaterThanOrEqualTo(95);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> new CoverageMap(new ByteArrayInputStream(
                "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class);
    }
}
