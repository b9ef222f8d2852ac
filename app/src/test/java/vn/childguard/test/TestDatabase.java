package vn.childguard.test;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Which database the full-stack tests run on. The PostgreSQL leg is chosen by the system property
 * {@code childguard.test.database=postgres}; when its server is unreachable the tests are skipped
 * with a loud message, unless {@code CHILDGUARD_REQUIRE_ALL_LEGS=true} (as in CI) turns the skip
 * into a failure.
 */
public final class TestDatabase implements ExecutionCondition {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("childguard.test.database"));
    }

    static boolean allLegsRequired() {
        return "true".equalsIgnoreCase(System.getenv("CHILDGUARD_REQUIRE_ALL_LEGS"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgres()) {
            return ConditionEvaluationResult.enabled("H2 leg");
        }
        String url = System.getProperty("spring.datasource.url");
        try (var connection = DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password"))) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url);
        } catch (SQLException e) {
            String message = "SKIPPED: PostgreSQL leg — no server at " + url + " (" + e.getMessage() + "). Start "
                    + "PostgreSQL and create the database (see docs/operations.md), or run .ci/run which does it.";
            if (allLegsRequired()) {
                throw new IllegalStateException("CHILDGUARD_REQUIRE_ALL_LEGS=true but " + message, e);
            }
            log.warn("\n{}\n{}\n{}", "*".repeat(100), message, "*".repeat(100));
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Every test JVM starts from an empty schema, so the PostgreSQL leg never sees an old run. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CleanDatabase {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
