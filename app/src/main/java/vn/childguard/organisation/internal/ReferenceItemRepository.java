package vn.childguard.organisation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReferenceItemRepository extends JpaRepository<ReferenceItem, Long> {
    Optional<ReferenceItem> findByListCodeAndCode(String listCode, String code);

    List<ReferenceItem> findByListCodeOrderByCode(String listCode);

    @Query("select distinct r.listCode from ReferenceItem r order by r.listCode")
    List<String> findListCodes();
}
