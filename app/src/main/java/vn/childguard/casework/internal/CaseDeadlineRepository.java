package vn.childguard.casework.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
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

    /** Running deadlines due before the instant of the agency's cases outside the hidden units and of the user's teams. */
    @Query("""
            select d from CaseDeadline d
            where d.metAt is null and d.waivedAt is null and d.dueAt < :before
              and d.caseId in (select c.id from CpCase c where c.owningAgencyCode = :agency and c.unitCode not in :hidden
                  or c.id in (select m.caseId from CaseTeamMember m where m.username = :username and m.removedAt is null))
            """)
    Slice<CaseDeadline> findRunningDueBefore(Instant before, String agency, Collection<String> hidden, String username,
                                            Pageable pageable);
}
