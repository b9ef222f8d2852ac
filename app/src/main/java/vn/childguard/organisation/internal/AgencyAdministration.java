package vn.childguard.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.VietnameseText;

/**
 * The administrator's work on agencies: find, create, edit, disable. Agencies are never deleted;
 * disabling ends their validity today. Every change is checked by {@link AdminGuard} and audited in
 * the same transaction; an edit based on an old version is refused rather than overwriting.
 */
@Service
public class AgencyAdministration {

    /** What an administrator may set on an agency (the code is fixed at creation). */
    public record AgencyData(String nameVi, String nameEn, AgencyKind kind, Long parentId, String areaCode,
                             LocalDate validFrom, LocalDate validTo, Long successorId) {
    }

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");

    private static final Map<String, Comparator<Agency>> SORTABLE = Map.of(
            "code", Comparator.comparing(Agency::getCode),
            "nameVi", InMemoryPages.byText(Agency::getNameVi),
            "nameEn", InMemoryPages.byText(Agency::getNameEn),
            "kind", Comparator.comparing(a -> a.getKind().name()),
            "areaCode", Comparator.comparing(Agency::getAreaCode),
            "validFrom", Comparator.comparing(Agency::getValidFrom));

    private final AgencyRepository agencies;
    private final AgencyCatalogueService catalogue;
    private final AdminUnitRepository units;
    private final AdminGuard guard;
    private final Clock clock;

    AgencyAdministration(AgencyRepository agencies, AdminUnitRepository units, AdminGuard guard, Clock clock,
                         AgencyCatalogueService catalogue) {
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.units = units;
        this.guard = guard;
        this.clock = clock;
    }

    /** Agencies whose code or names contain every word of {@code query}, ignoring diacritics. */
    @Transactional(readOnly = true)
    public Page<Agency> search(String query, AgencyKind kind, Pageable pageable) {
        List<Agency> found = agencies.findAll().stream()
                .filter(a -> kind == null || a.getKind() == kind)
                .filter(a -> query == null || query.isBlank()
                        || VietnameseText.matches(a.getCode() + " " + a.getNameVi() + " " + a.getNameEn(), query))
                .toList();
        return InMemoryPages.page(found, pageable, SORTABLE, Sort.by("code"));
    }

    /** Every agency by Vietnamese name, for choosing a parent, successor or a user's agency. */
    @Transactional(readOnly = true)
    public List<Agency> all() {
        return agencies.findAll().stream().sorted(SORTABLE.get("nameVi")).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Agency> find(long id) {
        return agencies.findById(id);
    }

    public boolean isActive(Agency agency) {
        return agency.isActive(LocalDate.now(clock));
    }

    @Transactional
    public Agency create(CurrentUser user, String code, AgencyData data) {
        guard.check(user, AuditLog.Actions.CREATE, "agency", null);
        var problems = new RejectedInput.Collector();
        String normalised = code == null ? "" : code.strip();
        if (!CODE.matcher(normalised).matches()) {
            problems.reject("code", "organisation.admin.agencies.error.code");
        } else if (agencies.findByCode(normalised).isPresent()) {
            problems.reject("code", "organisation.admin.agencies.error.codeTaken");
        }
        check(data, null, problems);
        problems.throwIfAny();
        Agency agency = new Agency(normalised);
        apply(agency, data);
        agencies.saveAndFlush(agency);
        catalogue.forget();
        guard.recorded(AuditLog.Actions.CREATE, "agency", agency.getId());
        return agency;
    }

    /** Refused with an optimistic-locking failure when someone saved the agency after {@code version}. */
    @Transactional
    public Agency update(CurrentUser user, long id, long version, AgencyData data) {
        guard.check(user, AuditLog.Actions.UPDATE, "agency", id);
        Agency agency = agencies.findById(id).orElseThrow();
        if (agency.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Agency.class, id);
        }
        var problems = new RejectedInput.Collector();
        check(data, id, problems);
        problems.throwIfAny();
        apply(agency, data);
        agencies.saveAndFlush(agency);
        catalogue.forget();
        guard.recorded(AuditLog.Actions.UPDATE, "agency", id);
        return agency;
    }

    /** Ends the agency's validity today; records that name it keep it. */
    @Transactional
    public void disable(CurrentUser user, long id) {
        guard.check(user, AuditLog.Actions.DISABLE, "agency", id);
        Agency agency = agencies.findById(id).orElseThrow();
        agency.disable(LocalDate.now(clock));
        agencies.saveAndFlush(agency);
        catalogue.forget();
        guard.recorded(AuditLog.Actions.DISABLE, "agency", id);
    }

    private void apply(Agency agency, AgencyData data) {
        agency.update(VietnameseText.nfc(data.nameVi().strip()), VietnameseText.nfc(data.nameEn().strip()),
                data.kind(), data.parentId(), data.areaCode().strip(), data.validFrom(), data.validTo(),
                data.successorId());
    }

    private void check(AgencyData data, Long self, RejectedInput.Collector problems) {
        if (data.areaCode() != null && !data.areaCode().isBlank() && !units.existsById(data.areaCode().strip())) {
            problems.reject("areaCode", "organisation.admin.error.unknownUnit");
        }
        if (data.parentId() != null && (Objects.equals(data.parentId(), self) || !agencies.existsById(data.parentId()))) {
            problems.reject("parentId", "organisation.admin.agencies.error.parent");
        } else if (data.parentId() != null && self != null && isDescendant(data.parentId(), self)) {
            problems.reject("parentId", "organisation.admin.agencies.error.parentCycle");
        }
        if (data.successorId() != null
                && (Objects.equals(data.successorId(), self) || !agencies.existsById(data.successorId()))) {
            problems.reject("successorId", "organisation.admin.agencies.error.successor");
        }
        if (data.validFrom() != null && data.validTo() != null && data.validTo().isBefore(data.validFrom())) {
            problems.reject("validTo", "organisation.admin.error.dateOrder");
        }
    }

    /** True when {@code candidate} sits below {@code ancestor}, which would make the parent chain a loop. */
    private boolean isDescendant(long candidate, long ancestor) {
        Long current = candidate;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (current != null && seen.add(current)) {
            if (current == ancestor) {
                return true;
            }
            current = agencies.findById(current).map(Agency::getParentId).orElse(null);
        }
        return false;
    }
}
