package vn.childguard.organisation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {
    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByAgencyIdOrderByUsername(Long agencyId);

    /**
     * Marks the TOTP step as used when it is newer than the last one used; 0 rows means the code was
     * already spent (a replay), also when two nodes race for it.
     */
    @Modifying
    @org.springframework.transaction.annotation.Transactional
    @Query(value = "update app_user set totp_last_step = :step where id = :id "
            + "and (totp_last_step is null or totp_last_step < :step)", nativeQuery = true)
    int useTotpStep(@org.springframework.data.repository.query.Param("id") long id,
                    @org.springframework.data.repository.query.Param("step") long step);
}
