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
        SpringApplication.run(ChildGuardApplication.class, args);
    }
}
