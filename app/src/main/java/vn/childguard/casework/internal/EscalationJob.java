package vn.childguard.casework.internal;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;

/**
 * Escalates overdue deadlines to the agency that owes the step: the case's owning agency, except an
 * unanswered referral, which goes to the receiving agency (it owes the answer). On one node of the
 * cluster (ShedLock): one escalation per deadline (unique in the table), shown in the supervisors'
 * "action needed" inbox and audited.
 */
@Component
public class EscalationJob {

    public static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final CaseDeadlineRepository deadlines;
    private final CaseEscalationRepository escalations;
    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EscalationJob(CaseDeadlineRepository deadlines, CaseEscalationRepository escalations, CaseRepository cases,
                  ReferralRepository referrals, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.deadlines = deadlines;
        this.escalations = escalations;
        this.cases = cases;
        this.referrals = referrals;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${childguard.casework.escalation-cron:0 */15 * * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "casework-escalations", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void run() {
        int created = escalate(clock.instant());
        if (created > 0) {
            log.info("Escalation job: {} overdue deadline(s) escalated", created);
        }
    }

    /** Escalates every deadline overdue at {@code now} that has not been escalated yet; returns how many. */
    public int escalate(Instant now) {
        Integer created = transactions.execute(status -> {
            int count = 0;
            for (CaseDeadline d : deadlines.findOverdueNotEscalated(now)) {
                CpCase c = cases.findById(d.getCaseId()).orElseThrow();
                CaseEscalation e = escalations.save(new CaseEscalation(c.getId(), d.getId(), owedBy(c, d), now));
                audit.record(new AuditEntry(SYSTEM, null, "ESCALATE", "case_escalation", e.getId().toString(), null,
                        AuditEntry.Outcome.SUCCESS, null, "case " + c.getId() + " deadline " + d.getKind()));
                count++;
            }
            return count;
        });
        return created == null ? 0 : created;
    }

    /** The agency that owes the step: the receiver of a referral awaiting its answer, else the case's owner. */
    private String owedBy(CpCase c, CaseDeadline d) {
        if (d.getKind() == vn.childguard.casework.DeadlineKind.REFERRAL_RESPONSE && d.getReferralId() != null) {
            return referrals.findById(d.getReferralId()).map(Referral::getToAgencyCode)
                    .orElse(c.getOwningAgencyCode());
        }
        return c.getOwningAgencyCode();
    }
}
