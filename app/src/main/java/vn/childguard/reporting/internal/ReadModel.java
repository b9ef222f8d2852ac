package vn.childguard.reporting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.casework.CaseFacts;
import vn.childguard.casework.CaseStatus;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.people.PersonFacts;
import vn.childguard.trafficking.TraffickingFacts;
import vn.childguard.trafficking.TraffickingStatus;
import vn.childguard.shared.PersonalData;

/**
 * Reporting's read model: the facts of every case copied from casework's and trafficking's APIs, with
 * the demographics from people's, into {@code rpt_*} tables. Rebuilt whole in one transaction (readers
 * see the old or the new model, never half of each) on a schedule under ShedLock and on demand; each
 * page says when it was built. Units are mapped to today's communes here, once: a pre-2025 commune
 * goes to its single successor among the current communes, anything wider stays province-level.
 */
@PersonalData(table = "rpt_case_fact",
        category = "pseudonymous case facts: register id, sex, birth year, age, commune",
        purpose = "statistics and reports",
        legalBasis = "Law 53/2024; Law on Statistics 2015",
        retention = "rebuilt from the cases; follows their anonymisation",
        visibleTo = {"LEADERSHIP_VIEWER", "PLAN_COORDINATOR", "AUDITOR", "CASE_SUPERVISOR"})
@Component
public class ReadModel {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final ZoneId VIETNAM_ZONE = VIETNAM;
    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    /** Victims and presumed victims: every trafficking case except one found not to be a victim (as {@code TraffickingFigures}). */
    private static final Set<TraffickingStatus> NOT_VICTIM = Set.of(TraffickingStatus.NOT_A_VICTIM);

    private final CaseFacts caseFacts;
    private final TraffickingFacts traffickingFacts;
    private final PersonFacts personFacts;
    private final OrganisationDirectory directory;
    private final CommuneMap map;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReadModel(CaseFacts caseFacts, TraffickingFacts traffickingFacts, PersonFacts personFacts,
              OrganisationDirectory directory, CommuneMap map, JdbcTemplate jdbc, Clock clock) {
        this.caseFacts = caseFacts;
        this.traffickingFacts = traffickingFacts;
        this.personFacts = personFacts;
        this.directory = directory;
        this.map = map;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One row of {@code rpt_case_fact} before it is written. */
    record Row(String kind, long caseId, long personId, String agency, String unit, String commune, String status,
               LocalDate openedOn, LocalDate closedOn, LocalDate identifiedOn, boolean open, boolean victim,
               boolean supported, boolean seriousRisk, String sex, Integer birthYear, Integer age, String citizenship,
               String ethnicity, String country, String exploitation, String returnMode, String lead,
               Integer daysToAssessment, Integer daysToPlan, Integer daysToApproval) {
    }

    @Scheduled(initialDelayString = "${childguard.reporting.refresh-initial-delay:PT20S}",
            fixedDelayString = "${childguard.reporting.refresh-interval:PT5M}")
    @SchedulerLock(name = "reporting-read-model", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    public void scheduledRefresh() {
        refresh();
    }

    /** Rebuilds the whole model; returns the number of cases. */
    @Transactional
    public int refresh() {
        long started = System.nanoTime();
        List<CaseFacts.CaseFact> cp = caseFacts.cases();
        List<TraffickingFacts.CaseFact> tc = traffickingFacts.cases();
        Map<Long, LocalDate> ageOn = new HashMap<>();
        cp.forEach(c -> ageOn.put(c.childPersonId(), day(c.openedAt())));
        tc.forEach(c -> ageOn.putIfAbsent(c.personId(), day(c.reportedAt())));
        Map<Long, PersonFacts.Demographics> people = personFacts.demographics(ageOn);
        Map<String, Optional<String>> communes = new HashMap<>();
        List<Row> rows = new ArrayList<>(cp.size() + tc.size());
        List<Object[]> codes = new ArrayList<>();
        for (CaseFacts.CaseFact c : cp) {
            PersonFacts.Demographics d = people.get(c.childPersonId());
            LocalDate opened = day(c.openedAt());
            rows.add(new Row("CP", c.caseId(), c.childPersonId(), c.agencyCode(), c.unitCode(),
                    commune(c.unitCode(), communes), c.status().name(), opened, day(c.closedAt()), null,
                    c.status() != CaseStatus.CLOSED, false, c.firstApproval() != null, c.seriousRisk(),
                    d == null ? null : d.sex(), d == null ? null : d.birthYear(), d == null ? null : d.age(),
                    d == null ? null : d.nationality(), d == null ? null : d.ethnicity(), null, null, null,
                    c.leadUsername(), days(c.openedAt(), c.firstAssessment()), days(c.openedAt(), c.firstPlan()),
                    days(c.openedAt(), c.firstApproval())));
        }
        for (TraffickingFacts.CaseFact c : tc) {
            PersonFacts.Demographics d = people.get(c.personId());
            LocalDate opened = day(c.reportedAt());
            Integer age = c.ageAtExploitation() != null ? c.ageAtExploitation() : d == null ? null : d.age();
            String country = !c.destinationCountries().isEmpty() ? c.destinationCountries().getFirst() : c.countryCode();
            rows.add(new Row("TC", c.caseId(), c.personId(), c.leadAgencyCode(), c.unitCode(),
                    commune(c.unitCode(), communes), c.status().name(), day(c.reportedAt()), day(c.closedAt()),
                    day(c.identifiedAt()), c.status() != TraffickingStatus.CLOSED, !NOT_VICTIM.contains(c.status()),
                    !c.supportsDelivered().isEmpty(), false, d == null ? null : d.sex(),
                    c.birthYear() != null ? c.birthYear() : d == null ? null : d.birthYear(), age,
                    d == null ? null : d.nationality(), d == null ? null : d.ethnicity(), country,
                    c.exploitationTypes().isEmpty() ? null : c.exploitationTypes().getFirst(), c.returnMode(), null,
                    null, null, null));
            c.exploitationTypes().stream().distinct().forEach(x -> codes.add(new Object[]{"TC", c.caseId(), "EXPLOITATION", x, opened}));
            c.meansOfControl().stream().distinct().forEach(x -> codes.add(new Object[]{"TC", c.caseId(), "CONTROL", x, opened}));
            c.destinationCountries().stream().distinct().forEach(x -> codes.add(new Object[]{"TC", c.caseId(), "DESTINATION", x, opened}));
            c.transitCountries().stream().distinct().forEach(x -> codes.add(new Object[]{"TC", c.caseId(), "TRANSIT", x, opened}));
            c.supportsDelivered().stream().distinct().forEach(x -> codes.add(new Object[]{"TC", c.caseId(), "SUPPORT", x, opened}));
        }
        write(rows, codes);
        log.info("reporting read model rebuilt: {} cases in {} ms", rows.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return rows.size();
    }

    private void write(List<Row> rows, List<Object[]> codes) {
        jdbc.update("delete from rpt_case_code");
        jdbc.update("delete from rpt_case_fact");
        jdbc.update("delete from rpt_deadline_fact");
        jdbc.update("delete from rpt_referral_fact");
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row r : rows) {
            args.add(new Object[]{r.kind(), r.caseId(), r.personId(), r.agency(), r.unit(), r.commune(), r.status(),
                    r.openedOn(), r.openedOn().getYear(), r.openedOn().getMonthValue(), r.closedOn(), r.identifiedOn(),
                    r.open(), r.victim(), r.supported(), r.seriousRisk(), r.sex(), r.birthYear(), r.age(),
                    AgeBands.vietnamese(r.age()), AgeBands.ctdc(r.age()), r.citizenship(), r.ethnicity(), r.country(),
                    r.exploitation(), r.returnMode(), r.lead(), r.daysToAssessment(), r.daysToPlan(),
                    r.daysToApproval()});
        }
        batch("insert into rpt_case_fact (kind, case_id, person_id, agency_code, unit_code, commune_code, status, "
                + "opened_on, opened_year, opened_month, closed_on, identified_on, open_case, victim, supported, "
                + "serious_risk, sex, birth_year, age, age_band_vn, age_band_ctdc, citizenship, ethnicity, country_code, "
                + "exploitation, return_mode, lead_username, days_to_assessment, days_to_plan, days_to_approval) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        batch("insert into rpt_case_code (kind, case_id, dimension, code, opened_on) values (?, ?, ?, ?, ?)", codes);
        batch("insert into rpt_deadline_fact (case_id, agency_code, kind, due_at) values (?, ?, ?, ?)",
                caseFacts.openDeadlines().stream().map(d -> new Object[]{d.caseId(), d.agencyCode(), d.kind().name(),
                        utc(d.dueAt())}).toList());
        batch("insert into rpt_referral_fact (referral_id, case_id, from_agency, to_agency, status, sent_at, responded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                caseFacts.referrals().stream().map(r -> new Object[]{r.referralId(), r.caseId(), r.fromAgencyCode(),
                        r.toAgencyCode(), r.status(), utc(r.sentAt()),
                        utc(r.respondedAt())}).toList());
        jdbc.update("update rpt_refresh set refreshed_at = ?, case_count = ? where id = 1",
                utc(clock.instant()), rows.size());
        // fresh statistics for the planner: without them PostgreSQL takes the rebuilt tables for empty and
        // nests loops over them (seconds instead of milliseconds); ANALYZE runs inside the transaction
        if (postgres()) {
            for (String table : List.of("rpt_case_fact", "rpt_case_code", "rpt_deadline_fact", "rpt_referral_fact")) {
                jdbc.execute("analyze " + table);
            }
        }
    }

    private Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
        }
        return postgres;
    }

    private void batch(String sql, List<Object[]> args) {
        for (int from = 0; from < args.size(); from += 1000) {
            jdbc.batchUpdate(sql, args.subList(from, Math.min(args.size(), from + 1000)));
        }
    }

    /** When the model was last built, or empty when never. */
    public Optional<Instant> refreshedAt() {
        return jdbc.query("select refreshed_at from rpt_refresh where id = 1",
                (rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .stream().findFirst().flatMap(x -> x);
    }

    private String commune(String unit, Map<String, Optional<String>> cache) {
        if (unit == null) {
            return null;
        }
        return cache.computeIfAbsent(unit, u -> {
            if (map.codes().contains(u)) {
                return Optional.of(u);
            }
            List<String> covering = map.codes().stream().filter(c -> directory.covers(c, u)).toList();
            return covering.size() == 1 ? Optional.of(covering.getFirst()) : Optional.empty();
        }).orElse(null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(VIETNAM).toLocalDate();
    }

    private static Integer days(Instant from, Instant to) {
        return from == null || to == null ? null : (int) Duration.between(from, to).toDays();
    }
}
