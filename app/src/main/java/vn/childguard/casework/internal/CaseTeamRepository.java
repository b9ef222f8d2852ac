package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseTeamRepository extends JpaRepository<CaseTeamMember, Long> {

    List<CaseTeamMember> findByCaseIdOrderByAddedAt(long caseId);

    boolean existsByCaseIdAndUsernameAndRemovedAtIsNull(long caseId, String username);
}
