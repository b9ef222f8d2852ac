package vn.childguard.reporting.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Case-level data for researchers and international partners in the IOM CTDC field set, de-identified:
 * only the fields below (no name, document, address, free text, id or full date: the year of
 * registration only, age in CTDC bands), and k-anonymous with k = 11 over the quasi-identifiers
 * (year, sex, age band, citizenship, country of exploitation, type of exploitation) — a record whose
 * combination is shared by fewer than 11 records is withheld, and the number withheld is reported.
 */
@Service
public class DeidentifiedRelease {

    public static final int K = 11;
    /** The released columns (CTDC names); every one a quasi-identifier, so k covers the whole row. */
    public static final List<String> FIELDS = List.of("yearOfRegistration", "gender", "ageBroad", "citizenship",
            "CountryOfExploitation", "typeOfExploitation", "majorityStatus");

    /** One victim as released: the quasi-identifiers only; {@code majorityStatus} derives from the age band. */
    public record Row(int year, String gender, String ageBroad, String citizenship, String countryOfExploitation,
                      String typeOfExploitation) {

        public String majorityStatus() {
            return switch (ageBroad) {
                case "0-8", "9-17" -> "Minor";
                case AgeBands.UNKNOWN -> "Unknown";
                default -> "Adult";
            };
        }

        List<Object> values() {
            return List.of(year, gender, ageBroad, citizenship, countryOfExploitation, typeOfExploitation, majorityStatus());
        }
    }

    /** What was released and what was withheld. */
    public record Result(List<Row> released, int sourceRecords, int suppressedRecords, int suppressedCombinations) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    DeidentifiedRelease(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Only the coordinator of the plan releases data to partners (the same person who answers for it). */
    public static boolean mayRelease(CurrentUser user) {
        return user.has(Role.PLAN_COORDINATOR);
    }

    /** k-anonymity by suppression: records in equivalence classes smaller than k are withheld. */
    public static Result anonymise(List<Row> source, int k) {
        Map<Row, List<Row>> classes = new LinkedHashMap<>();
        source.forEach(r -> classes.computeIfAbsent(r, x -> new ArrayList<>()).add(r));
        List<Row> released = new ArrayList<>();
        int suppressed = 0;
        int combinations = 0;
        for (List<Row> members : classes.values()) {
            if (members.size() >= k) {
                released.addAll(members);
            } else {
                suppressed += members.size();
                combinations++;
            }
        }
        return new Result(released, source.size(), suppressed, combinations);
    }

    /** The source records: every victim or presumed victim in the read model. */
    List<Row> source() {
        return jdbc.query("select opened_year, coalesce(sex, 'UNKNOWN'), age_band_ctdc, coalesce(citizenship, 'UNKNOWN'), "
                        + "coalesce(country_code, 'UNKNOWN'), coalesce(exploitation, 'UNKNOWN') from rpt_case_fact "
                        + "where kind = 'TC' and victim order by opened_year",
                (rs, n) -> new Row(rs.getInt(1), gender(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    private static String gender(String sex) {
        return switch (sex) {
            case "M" -> "Male";
            case "F" -> "Female";
            default -> "Unknown";
        };
    }

    /** The release as CSV with a watermark (who, when, purpose) and the suppression report; audited. */
    @Transactional
    public String export(CurrentUser user, String purpose) {
        if (!mayRelease(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.EXPORT, "deidentified_release", null,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("release refused");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("purpose is required");
        }
        Result result = anonymise(source(), K);
        StringBuilder csv = new StringBuilder();
        csv.append(CsvText.line(List.of("# " + StatisticalReport.stamp(user.username(), clock.instant())
                + " — mục đích/purpose: " + purpose.strip())));
        csv.append(CsvText.line(List.of("# k=" + K + "; source records=" + result.sourceRecords() + "; released="
                + result.released().size() + "; suppressed records=" + result.suppressedRecords()
                + "; suppressed combinations=" + result.suppressedCombinations())));
        csv.append(CsvText.line(FIELDS));
        result.released().forEach(r -> csv.append(CsvText.line(r.values())));
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, "deidentified_release", null, AuditEntry.Outcome.SUCCESS)
                .withPurpose(purpose.strip()).withDetails("CTDC release k=" + K + " released=" + result.released().size()
                        + " suppressed=" + result.suppressedRecords()));
        return csv.toString();
    }

    /** The suppression report without the data (for the page). */
    @Transactional(readOnly = true)
    public Result preview() {
        Result r = anonymise(source(), K);
        return new Result(List.of(), r.sourceRecords(), r.suppressedRecords(), r.suppressedCombinations());
    }
}
