package vn.childguard.people.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    List<Person> findByMergedIntoIsNull();

    List<Person> findByRegisteringAgencyAndMergedIntoIsNull(String agencyCode);
}
