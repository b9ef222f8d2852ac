package vn.childguard.organisation.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;

/**
 * The agencies as other modules see them, held in memory for {@code childguard.reference.cache-ttl}:
 * policies ask who is responsible for an agency's cases once per case of a list. Changes made through
 * {@link AgencyAdministration} are seen at once on this node.
 */
@Service
class AgencyCatalogueService implements AgencyCatalogue {

    private record Catalogue(Map<String, AgencyRef> byCode, Map<Long, AgencyRef> byId) {
    }

    private final ReferenceCache<Catalogue> catalogue;

    AgencyCatalogueService(AgencyRepository agencies, @Value("${childguard.reference.cache-ttl:60s}") Duration ttl) {
        this.catalogue = new ReferenceCache<>(() -> load(agencies), ttl);
    }

    private static Catalogue load(AgencyRepository agencies) {
        List<Agency> all = agencies.findAll();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(a -> codes.put(a.getId(), a.getCode()));
        Map<String, AgencyRef> byCode = new HashMap<>();
        Map<Long, AgencyRef> byId = new HashMap<>();
        for (Agency a : all) {
            AgencyRef ref = new AgencyRef(a.getId(), a.getCode(), a.getNameVi(), a.getNameEn(), a.getKind(),
                    a.getAreaCode(), codes.get(a.getParentId()), a.getValidFrom(), a.getValidTo(),
                    codes.get(a.getSuccessorId()));
            byCode.put(ref.code(), ref);
            byId.put(ref.id(), ref);
        }
        return new Catalogue(Map.copyOf(byCode), Map.copyOf(byId));
    }

    /** Called when an agency was written on this node. */
    void forget() {
        catalogue.forget();
    }

    @Override
    public Optional<AgencyRef> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(catalogue.get().byCode().get(code));
    }

    @Override
    public Optional<AgencyRef> byId(long id) {
        return Optional.ofNullable(catalogue.get().byId().get(id));
    }

    @Override
    public List<AgencyRef> activeOfKind(AgencyKind kind, LocalDate day) {
        return catalogue.get().byCode().values().stream()
                .filter(a -> a.kind() == kind && a.isActive(day))
                .sorted(java.util.Comparator.comparing(AgencyRef::code))
                .toList();
    }

    @Override
    public AgencyRef responsibleOn(String code, LocalDate day) {
        Catalogue all = catalogue.get();
        AgencyRef agency = Optional.ofNullable(code).map(all.byCode()::get)
                .orElseThrow(() -> new NoSuchElementException("agency " + code));
        Set<String> seen = new HashSet<>();
        while (!agency.isActive(day) && agency.successorCode() != null && seen.add(agency.code())) {
            agency = Optional.ofNullable(all.byCode().get(agency.successorCode())).orElseThrow();
        }
        return agency;
    }

    @Override
    public Set<String> dutiesCarriedBy(String code, LocalDate day) {
        return catalogue.get().byCode().keySet().stream().filter(other -> responsibleOn(other, day).code().equals(code))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
