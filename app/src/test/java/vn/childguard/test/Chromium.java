package vn.childguard.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser for journey tests: Debian's Chromium (never a downloaded build). Without it the
 * journeys are skipped loudly, unless {@code CHILDGUARD_REQUIRE_ALL_LEGS=true} makes that a failure.
 */
public final class Chromium implements ExecutionCondition {

    private static final Logger log = LoggerFactory.getLogger(Chromium.class);

    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    public static Path executable() {
        String configured = System.getenv("CHILDGUARD_CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(executable())) {
            return ConditionEvaluationResult.enabled("Chromium at " + executable());
        }
        String message = "SKIPPED: browser journeys — no Chromium at " + executable()
                + ". Install it (apt-get install chromium fonts-dejavu-core) or set CHILDGUARD_CHROMIUM.";
        if (TestDatabase.allLegsRequired()) {
            throw new IllegalStateException("CHILDGUARD_REQUIRE_ALL_LEGS=true but " + message);
        }
        log.warn("\n{}\n{}\n{}", "*".repeat(100), message, "*".repeat(100));
        return ConditionEvaluationResult.disabled(message);
    }
}
