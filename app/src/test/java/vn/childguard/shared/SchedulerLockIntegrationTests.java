package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.planning.internal.ReminderJob;
import vn.childguard.test.ChildGuardIntegrationTest;

/** ShedLock with the database's clock works on both legs (H2 and PostgreSQL), and the reminder job takes its lock. */
@ChildGuardIntegrationTest
class SchedulerLockIntegrationTests {

    @Autowired
    LockProvider locks;
    @Autowired
    ReminderJob reminderJob;
    @Autowired
    JdbcTemplate jdbc;

    LockConfiguration lock(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
    }

    @Test
    void aLockIsHeldByOneAtATime() {
        SimpleLock held = locks.lock(lock("test-exclusive")).orElseThrow();
        assertThat(locks.lock(lock("test-exclusive"))).as("second node").isEmpty();
        held.unlock();
        locks.lock(lock("test-exclusive")).orElseThrow().unlock();
    }

    @Test
    void theReminderJobRunsUnderItsClusterLock() {
        reminderJob.run();
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'planning-reminders'", Long.class))
                .isEqualTo(1);
    }
}
