package vn.childguard.planning.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

    List<Reminder> findByAgencyCodeOrderBySentAtDesc(String agencyCode);

    boolean existsByTaskIdAndPeriodCodeAndAgencyCodeAndKindAndSentAtAfter(Long taskId, String periodCode,
                                                                         String agencyCode, Reminder.Kind kind,
                                                                         java.time.Instant after);

    /** Whether a reminder of this kind for this cell was sent in {@code [from, until)}: one a day at most. */
    @Query("""
            select count(r) > 0 from Reminder r
            where r.task.id = :taskId and r.periodCode = :periodCode and r.agencyCode = :agencyCode
              and r.kind = :kind and r.sentAt >= :from and r.sentAt < :until""")
    boolean sentBetween(Long taskId, String periodCode, String agencyCode, Reminder.Kind kind, Instant from,
                        Instant until);
}
