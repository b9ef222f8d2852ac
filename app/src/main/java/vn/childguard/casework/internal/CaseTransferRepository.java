package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseTransferRepository extends JpaRepository<CaseTransfer, Long> {

    List<CaseTransfer> findByCaseIdOrderByTransferredAt(long caseId);
}
