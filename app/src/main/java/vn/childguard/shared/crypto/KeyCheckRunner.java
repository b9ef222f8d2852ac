package vn.childguard.shared.crypto;

import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code --verify-keys}: opens every encrypted value of the configured database with the configured
 * keyset and exits 0 when all open, 1 otherwise — after a restore (the backed-up keys match the data)
 * and before removing an old key (nothing still needs it). Without the option it does nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class KeyCheckRunner implements ApplicationRunner {

    static final String OPTION = "verify-keys";
    private static final Logger log = LoggerFactory.getLogger(KeyCheckRunner.class);

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final IntConsumer exit;

    @Autowired
    KeyCheckRunner(JdbcTemplate jdbc, DataCipher cipher, ConfigurableApplicationContext context) {
        this(jdbc, cipher, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    /** With the exit replaced, so tests can see the decision without ending the JVM. */
    KeyCheckRunner(JdbcTemplate jdbc, DataCipher cipher, IntConsumer exit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode(args).ifPresent(exit);
    }

    OptionalInt exitCode(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return OptionalInt.empty();
        }
        FieldReEncryption.Readability result = FieldReEncryption.check(jdbc, cipher);
        if (result.unreadable() == 0) {
            log.info("Key check: all {} encrypted values open with the keyset (primary key {})", result.values(),
                    cipher.primaryKeyId());
            return OptionalInt.of(0);
        }
        log.error("Key check: {} of {} encrypted values do NOT open with the configured keyset", result.unreadable(),
                result.values());
        return OptionalInt.of(1);
    }
}
