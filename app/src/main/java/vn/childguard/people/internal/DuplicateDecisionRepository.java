package vn.childguard.people.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DuplicateDecisionRepository extends JpaRepository<DuplicateDecision, Long> {

    boolean existsByFirstIdAndSecondId(long firstId, long secondId);

    List<DuplicateDecision> findBySurvivorIdOrderByDecidedAt(long survivorId);
}
