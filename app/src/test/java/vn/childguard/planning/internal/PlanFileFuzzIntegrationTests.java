package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.planning.PlanImportException;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Mutations;

/**
 * Broken plan files (the shipped Plan 113 file, mutated) are refused with problems that name a line,
 * never with a crash. Only the reader runs, against the real agency catalogue: nothing is imported.
 */
@ChildGuardIntegrationTest
class PlanFileFuzzIntegrationTests {

    @Autowired
    AgencyCatalogue agencies;

    @Test
    void noBrokenPlanFileCrashesTheReader() throws Exception {
        byte[] plan = new ClassPathResource("plans/113-KH-UBND.yaml").getContentAsByteArray();
        assertThat(Mutations.firstCrash("plan-yaml", plan, Mutations.RUNS / 3,
                input -> new PlanFileReader(agencies).read(new String(input, StandardCharsets.UTF_8), "fuzz.yaml",
                        "fuzz", Instant.now()),
                thrown -> thrown instanceof PlanImportException e && !e.problems().isEmpty()
                        && e.problems().stream().allMatch(p -> p.line() >= 1))).isNull();
    }
}
