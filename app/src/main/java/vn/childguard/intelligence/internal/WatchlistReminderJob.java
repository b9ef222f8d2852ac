package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, on one node (ShedLock): reminds each watchlist owner {@code reminderDaysBefore} days
 * before an entry expires (an item in their intelligence inbox and an audit entry), and announces
 * entries that have expired so screening stops matching them.
 */
@Component
class WatchlistReminderJob {

    private static final Logger log = LoggerFactory.getLogger(WatchlistReminderJob.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WatchlistService watchlist;
    private final IntelligenceSettings settings;
    private final Clock clock;

    WatchlistReminderJob(WatchlistService watchlist, IntelligenceSettings settings, Clock clock) {
        this.watchlist = watchlist;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${childguard.intelligence.reminder-cron:0 15 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "intelligence-watchlist-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void run() {
        int reminded = watchlist.remindAndExpire(LocalDate.now(clock.withZone(VIETNAM)), settings.reminderDaysBefore());
        log.info("Watchlist job: {} reminder(s)", reminded);
    }
}
