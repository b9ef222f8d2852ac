package vn.childguard.organisation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.Role;



/**
 * Demo accounts, one per kind of user, only in the demo profile (the embedded default). They share
 * one password: {@code CHILDGUARD_DEMO_PASSWORD}, or a random one generated once into the data
 * directory. The log lists the accounts and says where the password is; it never prints a name.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String username, String fullName, String agencyCode, Set<Role> roles) {
    }

    /** The Tây Ninh demo cast; names are invented. */
    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Trần Quốc Bảo", "UBND-TINH", EnumSet.of(Role.SYSTEM_ADMIN)),
            new Demo("police.coordinator", "Lê Minh Khang", "CA-TINH", EnumSet.of(Role.PLAN_COORDINATOR,
                    Role.PLAN_REPORTER, Role.LEADERSHIP_VIEWER)),
            new Demo("police.officer", "Phạm Đức Thịnh", "CA-PC02", EnumSet.of(Role.INTELLIGENCE_OFFICER,
                    Role.CASE_WORKER, Role.PLAN_REPORTER)),
            new Demo("exit.officer", "Võ Thị Hồng Nhung", "CA-PA08", EnumSet.of(Role.SCREENING_OFFICER)),
            new Demo("foreign.officer", "Đặng Hoài Nam", "SNGV", EnumSet.of(Role.CASE_WORKER, Role.PLAN_REPORTER)),
            new Demo("comms.officer", "Huỳnh Thanh Tâm", "SVHTTDL", EnumSet.of(Role.PREVENTION_OFFICER,
                    Role.PLAN_REPORTER)),
            new Demo("education.officer", "Ngô Thị Lan Anh", "SGDDT", EnumSet.of(Role.PREVENTION_OFFICER,
                    Role.PLAN_REPORTER)),
            new Demo("teacher", "Bùi Văn Hậu", "THPT-TAYNINH", EnumSet.of(Role.SCHOOL_STAFF)),
            new Demo("health.caseworker", "Đỗ Thị Mỹ Duyên", "SYT", EnumSet.of(Role.CASE_WORKER,
                    Role.INTAKE_OPERATOR)),
            new Demo("health.supervisor", "Trương Công Vinh", "SYT", EnumSet.of(Role.CASE_SUPERVISOR,
                    Role.PLAN_REPORTER)),
            new Demo("commune.officer", "Lý Thị Bích Ngọc", "UBND-25486", EnumSet.of(Role.CASE_WORKER,
                    Role.INTAKE_OPERATOR, Role.PLAN_REPORTER)),
            new Demo("commune.chair", "Hồ Văn Lực", "UBND-25486", EnumSet.of(Role.CASE_SUPERVISOR,
                    Role.LEADERSHIP_VIEWER)),
            new Demo("hotline.operator", "Dương Thị Kim Oanh", "TD111", EnumSet.of(Role.INTAKE_OPERATOR)),
            new Demo("leader", "Nguyễn Thành Trung", "UBND-TINH", EnumSet.of(Role.LEADERSHIP_VIEWER)),
            new Demo("auditor", "Mai Xuân Phúc", "UBND-TINH", EnumSet.of(Role.AUDITOR)));

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String configuredPassword;
    private final Path dataDir;

    DemoAccounts(UserAccountRepository users, AgencyRepository agencies, PasswordEncoder encoder, Clock clock,
                 @Value("${CHILDGUARD_DEMO_PASSWORD:}") String configuredPassword,
                 @Value("${childguard.data-dir}") String dataDir) {
        this.users = users;
        this.agencies = agencies;
        this.encoder = encoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        String source = configuredPassword.isBlank() ? "file " + dataDir.resolve("demo-password.txt").toAbsolutePath()
                : "CHILDGUARD_DEMO_PASSWORD";
        String password = configuredPassword.isBlank() ? passwordFromFile() : configuredPassword;
        String hash = encoder.encode(password);
        for (Demo demo : ACCOUNTS) {
            UserAccount account = users.findByUsername(demo.username())
                    .orElseGet(() -> new UserAccount(demo.username(), hash, clock.instant()));
            if (!encoder.matches(password, account.getPasswordHash())) {
                account.changePassword(hash, clock.instant());
            }
            Agency agency = agencies.findByCode(demo.agencyCode()).orElseThrow(
                    () -> new IllegalStateException("demo agency missing from reference data: " + demo.agencyCode()));
            account.update(demo.fullName(), demo.username() + "@demo.childguard.vn", agency.getId(), null, demo.roles());
            users.save(account);
        }
        StringBuilder list = new StringBuilder();
        for (Demo demo : ACCOUNTS) {
            list.append(String.format("%n  %-20s %-12s %s", demo.username(), demo.agencyCode(), demo.roles().stream().sorted().toList()));
        }
        log.info("Demo accounts (password from {}): {}", source, list);
        if (configuredPassword.isBlank()) {
            log.info("Demo password: {}", password);
        }
    }

    private String passwordFromFile() throws IOException {
        Path file = dataDir.resolve("demo-password.txt");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(dataDir);
        Files.writeString(file, password + "\n");
        return password.toString();
    }
}
