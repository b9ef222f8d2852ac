package vn.childguard.organisation.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;

@Service
@Transactional(readOnly = true)
class AgencyCatalogueService implements AgencyCatalogue {

    private final AgencyRepository agencies;

    AgencyCatalogueService(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    @Override
    public Optional<AgencyRef> byCode(String code) {
        return agencies.findByCode(code).map(this::ref);
    }

    @Override
    public Optional<AgencyRef> byId(long id) {
        return agencies.findById(id).map(this::ref);
    }

    @Override
    public List<AgencyRef> activeOfKind(AgencyKind kind, LocalDate day) {
        return agencies.findAll().stream()
                .filter(a -> a.getKind() == kind && a.isActive(day))
                .map(this::ref)
                .sorted(java.util.Comparator.comparing(AgencyRef::code))
                .toList();
    }

    @Override
    public AgencyRef responsibleOn(String code, LocalDate day) {
        Agency agency = agencies.findByCode(code).orElseThrow(() -> new NoSuchElementException("agency " + code));
        Set<Long> seen = new HashSet<>();
        while (!agency.isActive(day) && agency.getSuccessorId() != null && seen.add(agency.getId())) {
            agency = agencies.findById(agency.getSuccessorId()).orElseThrow();
        }
        return ref(agency);
    }

    private AgencyRef ref(Agency a) {
        String successor = a.getSuccessorId() == null ? null
                : agencies.findById(a.getSuccessorId()).map(Agency::getCode).orElse(null);
        String parent = a.getParentId() == null ? null
                : agencies.findById(a.getParentId()).map(Agency::getCode).orElse(null);
        return new AgencyRef(a.getId(), a.getCode(), a.getNameVi(), a.getNameEn(), a.getKind(), a.getAreaCode(),
                parent, a.getValidFrom(), a.getValidTo(), successor);
    }
}
