package vn.childguard.casework.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.childguard.casework.DeadlineKind;

interface CaseEscalationRepository extends JpaRepository<CaseEscalation, Long> {

    /**
     * The agency's unacknowledged escalations that a user owes (the rule of {@code CaseworkService.owes}):
     * an unanswered referral's, when the user answers referrals; any other, when the user supervises the
     * case's unit (not one of {@code hidden}).
     */
    @Query("""
            select e from CaseEscalation e
              join CaseDeadline d on d.id = e.deadlineId
              join CpCase c on c.id = e.caseId
              left join Referral r on r.id = d.referralId and d.kind = :referralKind
            where e.agencyCode = :agency and e.acknowledgedAt is null
              and (r.id is not null and r.toAgencyCode = :agency and :answersReferrals = true
                   or r.id is null and :supervises = true and c.owningAgencyCode = :agency
                      and c.unitCode not in :hidden)
            """)
    Slice<CaseEscalation> findOwedBy(String agency, boolean answersReferrals, boolean supervises,
                                    Collection<String> hidden, DeadlineKind referralKind, Pageable pageable);

    List<CaseEscalation> findByCaseId(long caseId);
}
