package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CommuneOutlinesTests {

    @Test
    void theShippedBoundariesDrawEveryCommuneAndWardOfTayNinhOnceUnderItsOfficialCode() throws Exception {
        Set<String> units;
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/vn-admin-units-2025.csv").getInputStream(), StandardCharsets.UTF_8))) {
            units = reader.lines().skip(1).map(l -> l.split(",", -1))
                    .filter(f -> f[f.length - 1].equals("80")).map(f -> f[0]).collect(Collectors.toSet());
        }
        CommuneOutlines outlines = CommuneOutlines.tayNinh(640);

        assertThat(units).hasSize(96);
        assertThat(outlines.codes()).containsExactlyInAnyOrderElementsOf(units);
        assertThat(outlines.name("25534")).isEqualTo("Tân Thành");
        assertThat(outlines.name("27826")).isEqualTo("Tân Thạnh");
        assertThat(outlines.all()).allSatisfy(o -> assertThat(o.path()).startsWith("M").endsWith("Z"));
    }
}
