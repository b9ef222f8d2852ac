package vn.childguard.audit.internal;

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
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditLog;

/**
 * {@code --verify-audit}: verifies the access log once the application has started, logs the result
 * and exits 0 when the chain is intact, 1 when it is broken, so cron or a monitoring job can alarm
 * on the status. Without the option it does nothing. Runs last, after data loaders.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditVerifyRunner implements ApplicationRunner {

    static final String OPTION = "verify-audit";
    private static final Logger log = LoggerFactory.getLogger(AuditVerifyRunner.class);

    private final AuditVerification verification;
    private final IntConsumer exit;

    @Autowired
    AuditVerifyRunner(AuditVerification verification, ConfigurableApplicationContext context) {
        this(verification, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    /** With the exit replaced, so tests can see the decision without ending the JVM. */
    AuditVerifyRunner(AuditVerification verification, IntConsumer exit) {
        this.verification = verification;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode(args).ifPresent(exit);
    }

    /** The exit status to end with, or empty when the application should just keep running. */
    OptionalInt exitCode(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return OptionalInt.empty();
        }
        AuditLog.Verification result = verification.verifyAndRecord(AuditVerification.Channel.COMMAND_LINE);
        if (result.ok()) {
            log.info("Audit log verification: chain intact, {} rows checked", result.checked());
            return OptionalInt.of(0);
        }
        log.error("Audit log verification: chain BROKEN, first broken row id {}, {} rows checked",
                result.firstBrokenId(), result.checked());
        return OptionalInt.of(1);
    }
}
