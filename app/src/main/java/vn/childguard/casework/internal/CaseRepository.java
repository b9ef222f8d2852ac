package vn.childguard.casework.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<CpCase, Long> {

    Optional<CpCase> findByIntakeId(long intakeId);

    List<CpCase> findByChildPersonId(long personId);

    List<CpCase> findByOwningAgencyCodeOrderByOpenedAtDesc(String agencyCode);

    @Query("select c from CpCase c where c.id in (select m.caseId from CaseTeamMember m where m.username = ?1 "
            + "and m.removedAt is null) order by c.openedAt desc")
    List<CpCase> findByTeamMember(String username);

    @Query("select count(c) from CpCase c where year(c.openedAt) = ?1")
    long countOpenedInYear(int year);
}
