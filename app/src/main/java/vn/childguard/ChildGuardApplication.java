package vn.childguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ChildGuard: one system in which every agency of the province's plan does and reports its work. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class ChildGuardApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ChildGuardApplication.class);
        if (java.util.Arrays.asList(args).contains("--verify-audit")
                || java.util.Arrays.asList(args).contains("--verify-keys")) {
            // a one-off check beside a running service: no HTTP port to compete for
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        }
        application.run(args);
    }
}
