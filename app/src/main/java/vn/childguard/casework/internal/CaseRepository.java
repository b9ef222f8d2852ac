package vn.childguard.casework.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.childguard.casework.CaseStatus;

interface CaseRepository extends JpaRepository<CpCase, Long> {

    Optional<CpCase> findByIntakeId(long intakeId);

    List<CpCase> findByChildPersonId(long personId);

    @Query("select distinct c.unitCode from CpCase c where c.owningAgencyCode = ?1")
    List<String> findUnitCodesOwnedBy(String agencyCode);

    /**
     * One page of the agency's cases outside the hidden units; the filters are optional ({@code reference} a
     * LIKE pattern). Hidden units rather than visible ones: usually none, where visible ones are hundreds.
     */
    @Query("""
            select c from CpCase c
            where c.owningAgencyCode = :agency and c.unitCode not in :hidden
              and (:status is null or c.status = :status)
              and (:unit is null or c.unitCode = :unit)
              and (:reference is null or upper(c.reference) like :reference escape '\\')
            """)
    Page<CpCase> findOwned(String agency, Collection<String> hidden, CaseStatus status, String unit, String reference,
                           Pageable pageable);

    /**
     * The same page with some other cases besides (the user's teams', referred ones): kept apart because
     * the "or" keeps the database from counting the agency's cases from the index alone.
     */
    @Query("""
            select c from CpCase c
            where (c.owningAgencyCode = :agency and c.unitCode not in :hidden or c.id in :others)
              and (:status is null or c.status = :status)
              and (:unit is null or c.unitCode = :unit)
              and (:reference is null or upper(c.reference) like :reference escape '\\')
            """)
    Page<CpCase> findOwnedAndOthers(String agency, Collection<String> hidden, Collection<Long> others, CaseStatus status,
                                    String unit, String reference, Pageable pageable);

    @Query("select m.caseId from CaseTeamMember m where m.username = ?1 and m.removedAt is null")
    List<Long> findTeamCaseIds(String username);

    @Query("select count(c) from CpCase c where year(c.openedAt) = ?1")
    long countOpenedInYear(int year);
}
