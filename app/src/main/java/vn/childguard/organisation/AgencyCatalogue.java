package vn.childguard.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Questions about agencies that other modules ask: by code, by kind, and who carries on a reorganised one. */
public interface AgencyCatalogue {

    Optional<AgencyRef> byCode(String code);

    Optional<AgencyRef> byId(long id);

    /** Agencies of a kind that are active on the day, ordered by code. */
    List<AgencyRef> activeOfKind(AgencyKind kind, LocalDate day);

    /**
     * The agency that carries the duties of {@code code} on {@code day}: itself while it is valid,
     * else its successor (followed through several reorganisations).
     */
    AgencyRef responsibleOn(String code, LocalDate day);

    /** The codes of the agencies whose duties {@code code} carries on {@code day}: itself and those it succeeded. */
    java.util.Set<String> dutiesCarriedBy(String code, LocalDate day);
}
