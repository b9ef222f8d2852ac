package vn.childguard.intake.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.OrganisationDirectory;

/**
 * Where a report goes: the People's Committee of the commune where it happened. A unit that no
 * longer exists (a commune or district before the 2025 reform) goes to the committee of the
 * current commune that took it over, when exactly one did; otherwise to the committee whose area is
 * the smallest one containing it (the province), so that a report is never left without a receiver.
 */
@Component
class IntakeRouting {

    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;

    IntakeRouting(AgencyCatalogue agencies, OrganisationDirectory directory) {
        this.agencies = agencies;
        this.directory = directory;
    }

    /** The committee responsible for the unit on the day, or empty when no committee covers it. */
    Optional<AgencyRef> committeeFor(String unitCode, LocalDate day) {
        return choose(unitCode, agencies.activeOfKind(AgencyKind.PEOPLES_COMMITTEE, day), directory::covers);
    }

    /** The communes (and wards) that have a committee today, for the "where" selects. */
    List<AgencyRef> communeCommittees(LocalDate day) {
        return agencies.activeOfKind(AgencyKind.PEOPLES_COMMITTEE, day).stream()
                .filter(a -> a.areaCode() != null && a.areaCode().length() == 5)
                .toList();
    }

    /**
     * The routing rule, without the database: the committee of the unit itself; else the only
     * commune-level committee covering it (a historical commune with one successor); else the
     * covering committee with the most specific area code.
     *
     * @param covers {@code covers(jurisdictionCode, unitCode)} as {@link OrganisationDirectory#covers}
     */
    static Optional<AgencyRef> choose(String unitCode, List<AgencyRef> committees, BiPredicate<String, String> covers) {
        if (unitCode == null || unitCode.isBlank()) {
            return Optional.empty();
        }
        Optional<AgencyRef> own = committees.stream().filter(a -> unitCode.equals(a.areaCode())).findFirst();
        if (own.isPresent()) {
            return own;
        }
        List<AgencyRef> covering = committees.stream()
                .filter(a -> a.areaCode() != null && covers.test(a.areaCode(), unitCode))
                .toList();
        List<AgencyRef> communes = covering.stream().filter(a -> a.areaCode().length() == 5).toList();
        if (communes.size() == 1) {
            return Optional.of(communes.getFirst());
        }
        // several successors (a district split into communes) or none: the smallest area that holds them all
        return covering.stream().filter(a -> a.areaCode().length() < 5)
                .max(Comparator.comparingInt((AgencyRef a) -> a.areaCode().length()).thenComparing(AgencyRef::code,
                        Comparator.reverseOrder()));
    }
}
