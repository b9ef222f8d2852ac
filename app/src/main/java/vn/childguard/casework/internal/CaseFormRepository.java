package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFormRepository extends JpaRepository<CaseForm, Long> {

    List<CaseForm> findByCaseIdOrderByCreatedAtAscIdAsc(long caseId);

    List<CaseForm> findByCaseIdAndFormCodeOrderByIdDesc(long caseId, String formCode);
}
