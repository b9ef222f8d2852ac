package vn.childguard.organisation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdminUnitRepository extends JpaRepository<AdminUnit, String> {
    List<AdminUnit> findByParentCodeOrderByCode(String parentCode);

    @Query("select u from AdminUnit u where u.parentCode = :parent and (u.validTo is null or u.validTo >= CURRENT_DATE) order by u.code")
    List<AdminUnit> findCurrentChildren(String parent);
}
