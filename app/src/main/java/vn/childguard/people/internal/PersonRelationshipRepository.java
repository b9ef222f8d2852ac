package vn.childguard.people.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRelationshipRepository extends JpaRepository<PersonRelationshipRow, Long> {

    List<PersonRelationshipRow> findByPersonIdOrOtherPersonIdOrderById(long personId, long otherPersonId);
}
