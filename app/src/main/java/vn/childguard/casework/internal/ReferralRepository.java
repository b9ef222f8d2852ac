package vn.childguard.casework.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByCaseIdOrderBySentAt(long caseId);

    List<Referral> findByToAgencyCodeAndStatusInOrderBySentAt(String agencyCode, Collection<Referral.Status> statuses);
}
