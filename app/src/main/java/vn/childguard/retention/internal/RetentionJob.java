package vn.childguard.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.shared.retention.RetainedPeople;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;

/**
 * Applies the schedules in force: every record whose period has run and that no legal hold covers is
 * anonymised or deleted by its owning module, one record per transaction, each audited (type and id,
 * never content). Then every register person no kept record names any more is anonymised too. Runs
 * daily on one node (ShedLock); a second run finds nothing left to do, as modules only offer records
 * not yet anonymised or deleted. A run stops after {@code childguard.retention.max-per-run} records so
 * that it ends well within its lock (about 150–350 records a second measured, see docs/benchmarks.md);
 * a backlog, such as the first run over years of travel records, is worked off over several nights.
 */
@Component
public class RetentionJob {

    public static final String SYSTEM = "system";
    public static final String ANONYMISED = "RETENTION_ANONYMISE";
    public static final String DELETED = "RETENTION_DELETE";
    public static final String RUN = "RETENTION_RUN";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSchedules schedules;
    private final LegalHolds holds;
    private final List<RetainedRecords> handlers;
    private final RetainedPeople people;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxPerRun;

    RetentionJob(RetentionSchedules schedules, LegalHolds holds, List<RetainedRecords> handlers, RetainedPeople people,
                 AuditLog audit, PlatformTransactionManager transactions, Clock clock,
                 @Value("${childguard.retention.max-per-run:100000}") int maxPerRun) {
        this.schedules = schedules;
        this.holds = holds;
        this.handlers = handlers;
        this.people = people;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxPerRun = maxPerRun;
    }

    @Scheduled(cron = "${childguard.retention.cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "retention-apply", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void run() {
        Map<String, Integer> done = apply(clock.instant(), maxPerRun);
        log.info("Retention job: {}", done);
    }

    /** Applies what is due at {@code now}; returns how many records of each type were done (types with work only). */
    public Map<String, Integer> apply(Instant now) {
        return apply(now, maxPerRun);
    }

    /** As {@link #apply(Instant)}, stopping after {@code limit} records (done or failed). */
    public Map<String, Integer> apply(Instant now, int limit) {
        LocalDate today = now.atZone(RetentionSchedules.VIETNAM).toLocalDate();
        Map<String, Set<Long>> held = holds.activeOn(today);
        Map<String, Integer> done = new LinkedHashMap<>();
        int failed = 0;
        int attempted = 0;
        for (RetentionSchedules.Schedule s : schedules.inForce(today)) {
            RetainedRecords type = schedules.types().get(s.recordType());
            if (type == null || !type.actions().contains(s.action())) {
                log.warn("Retention schedule {} names an unknown type or unsupported action: skipped", s.id());
                continue;
            }
            Instant cutoff = now.atZone(RetentionSchedules.VIETNAM).minusMonths(s.months()).toInstant();
            Set<Long> onHold = held.getOrDefault(s.recordType(), Set.of());
            for (RetainedRecords.Candidate c : type.triggeredBetween(null, cutoff)) {
                if (onHold.contains(c.id())) {
                    continue;
                }
                if (attempted++ >= limit) {
                    break;
                }
                try {
                    transactions.executeWithoutResult(tx -> applyOne(type, s, c.id()));
                    done.merge(s.recordType(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    failed++;
                    // type and id only: the exception of a module may quote content
                    log.error("Retention {} of {} {} failed: {}", s.action(), s.recordType(), c.id(),
                            e.getClass().getName());
                    audit.recordIndependently(new AuditEntry(SYSTEM, null, actionName(s.action()), s.recordType(),
                            String.valueOf(c.id()), null, AuditEntry.Outcome.FAILURE, null, "schedule " + s.id()));
                }
            }
        }
        audit.record(new AuditEntry(SYSTEM, null, RUN, "retention", null, null,
                failed == 0 ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE, null,
                "done " + done + (failed == 0 ? "" : ", failed " + failed)
                        + (attempted > limit ? ", stopped at the limit of " + limit : "")));
        return done;
    }

    private void applyOne(RetainedRecords type, RetentionSchedules.Schedule s, long id) {
        Set<Long> named = type.apply(s.action(), id);
        audit.record(new AuditEntry(SYSTEM, null, actionName(s.action()), s.recordType(), String.valueOf(id), null,
                AuditEntry.Outcome.SUCCESS, null, "schedule " + s.id() + ": " + s.action() + " after " + s.months()
                + " months"));
        for (long person : named) {
            if (handlers.stream().noneMatch(h -> h.namesPerson(person)) && people.anonymise(person)) {
                audit.record(new AuditEntry(SYSTEM, null, ANONYMISED, "person", String.valueOf(person), null,
                        AuditEntry.Outcome.SUCCESS, null, "no kept record names the person (after " + s.recordType()
                        + " " + id + ")"));
            }
        }
    }

    static String actionName(RetentionAction action) {
        return action == RetentionAction.ANONYMISE ? ANONYMISED : DELETED;
    }
}
