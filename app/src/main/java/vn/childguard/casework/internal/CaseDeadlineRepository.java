package vn.childguard.casework.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.childguard.casework.DeadlineKind;

interface CaseDeadlineRepository extends JpaRepository<CaseDeadline, Long> {

    List<CaseDeadline> findByCaseIdOrderByDueAt(long caseId);

    List<CaseDeadline> findByCaseIdAndKind(long caseId, DeadlineKind kind);

    List<CaseDeadline> findByReferralId(long referralId);

    @Query("select d from CaseDeadline d where d.metAt is null and d.waivedAt is null and d.dueAt < ?1 "
            + "and not exists (select e from CaseEscalation e where e.deadlineId = d.id)")
    List<CaseDeadline> findOverdueNotEscalated(Instant now);

    @Query("select d from CaseDeadline d where d.metAt is null and d.waivedAt is null and d.dueAt < ?1 "
            + "and d.caseId in ?2 order by d.dueAt")
    List<CaseDeadline> findRunningDueBefore(Instant before, java.util.Collection<Long> caseIds);
}
