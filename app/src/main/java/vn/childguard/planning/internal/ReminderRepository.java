package vn.childguard.planning.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

    List<Reminder> findByAgencyCodeOrderBySentAtDesc(String agencyCode);

    boolean existsByTaskIdAndPeriodCodeAndAgencyCodeAndKindAndSentAtAfter(Long taskId, String periodCode,
                                                                         String agencyCode, Reminder.Kind kind,
                                                                         java.time.Instant after);
}
