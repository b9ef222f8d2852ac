package vn.childguard.people.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonDocumentRepository extends JpaRepository<PersonDocumentRow, Long> {

    List<PersonDocumentRow> findByPersonIdOrderById(long personId);

    List<PersonDocumentRow> findByPersonIdIn(Collection<Long> personIds);

    List<PersonDocumentRow> findByNumberHash(String numberHash);
}
