package vn.childguard.planning.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanTaskRepository extends JpaRepository<PlanTask, Long> {
}
