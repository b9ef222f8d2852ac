package vn.childguard.planning.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    @Query("select r from ProgressReport r where r.task.plan.id = :planId and r.periodCode = :periodCode")
    List<ProgressReport> findForPlanAndPeriod(Long planId, String periodCode);

    List<ProgressReport> findByTaskIdAndPeriodCodeAndAgencyCodeOrderByReportVersionDesc(Long taskId, String periodCode,
                                                                                         String agencyCode);
}
