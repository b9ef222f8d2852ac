package vn.childguard.prevention.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.planning.IndicatorSource;
import vn.childguard.planning.Period;

/**
 * The values prevention proposes for Plan 113's indicators (codes as in {@code plans/113-KH-UBND.yaml}):
 * communication items and direct sessions of the agency's campaigns (II.3); teachers trained, students
 * taught self-protection skills, students in special circumstances followed up and school-family-
 * authority meetings of the education department and its schools (II.4.a, II.4.b). A teacher trained
 * twice in the period counts once.
 */
@Component
class PreventionIndicators implements IndicatorSource {

    /** Channels whose activities are items published or broadcast rather than sessions held. */
    static final List<String> ITEM_CHANNELS = List.of("RADIO", "TV", "SOCIAL_MEDIA", "LOUDSPEAKER", "LEAFLET", "POSTER");

    private final JdbcTemplate jdbc;
    private final AgencyCatalogue agencies;

    PreventionIndicators(JdbcTemplate jdbc, AgencyCatalogue agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    @Override
    public Optional<BigDecimal> count(String indicatorCode, String agencyCode, Period period) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        String items = "'" + String.join("','", ITEM_CHANNELS) + "'";
        Long value = switch (indicatorCode) {
            case "communication_items" -> jdbc.queryForObject("select count(*) from prevention_activity a"
                    + " join prevention_campaign c on c.id = a.campaign_id where c.owner_agency = ?"
                    + " and a.held_on between ? and ? and a.channel in (" + items + ")", Long.class, agencyCode, from, to);
            case "communication_sessions" -> jdbc.queryForObject("select count(*) from prevention_activity a"
                    + " join prevention_campaign c on c.id = a.campaign_id where c.owner_agency = ?"
                    + " and a.held_on between ? and ? and a.channel not in (" + items + ")", Long.class, agencyCode, from, to);
            case "teachers_trained" -> inAgencyOrSchools(agencyCode, "select count(distinct t.trainee_id)"
                    + " from prevention_attendance t join prevention_session s on s.id = t.session_id"
                    + " where s.kind = 'TEACHER_TRAINING' and s.held_on between ? and ? and s.agency_code in (%s)", from, to);
            case "students_skills" -> inAgencyOrSchools(agencyCode, "select coalesce(sum(s.participants), 0)"
                    + " from prevention_session s where s.kind = 'STUDENT_SESSION' and s.held_on between ? and ?"
                    + " and s.agency_code in (%s)", from, to);
            case "students_special" -> inAgencyOrSchools(agencyCode, "select count(distinct f.student_id)"
                    + " from prevention_follow_up f join prevention_student s on s.id = f.student_id"
                    + " where f.done_on between ? and ? and s.school_code in (%s)", from, to);
            case "coordination_meetings" -> inAgencyOrSchools(agencyCode, "select count(*) from prevention_meeting m"
                    + " where m.held_on between ? and ? and m.school_code in (%s)", from, to);
            default -> null;
        };
        return Optional.ofNullable(value).map(BigDecimal::valueOf);
    }

    /** Runs the query over the agency itself and, for an education department, the schools under it. */
    private Long inAgencyOrSchools(String agencyCode, String sqlWithIn, LocalDate from, LocalDate to) {
        List<String> codes = new ArrayList<>();
        codes.add(agencyCode);
        agencies.activeOfKind(AgencyKind.SCHOOL, to).stream()
                .filter(s -> agencyCode.equals(s.parentCode()))
                .map(AgencyRef::code)
                .forEach(codes::add);
        String marks = String.join(",", java.util.Collections.nCopies(codes.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(from);
        args.add(to);
        args.addAll(codes);
        return jdbc.queryForObject(String.format(sqlWithIn, marks), Long.class, args.toArray());
    }
}
