package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEscalationRepository extends JpaRepository<CaseEscalation, Long> {

    List<CaseEscalation> findByAgencyCodeAndAcknowledgedAtIsNullOrderByCreatedAt(String agencyCode);

    List<CaseEscalation> findByCaseId(long caseId);
}
