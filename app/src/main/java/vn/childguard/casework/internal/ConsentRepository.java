package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRepository extends JpaRepository<Consent, Long> {

    List<Consent> findByCaseIdOrderByRecordedAt(long caseId);

    List<Consent> findByPersonIdOrderByRecordedAt(long personId);
}
