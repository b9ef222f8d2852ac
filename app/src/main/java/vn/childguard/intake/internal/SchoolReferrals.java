package vn.childguard.intake.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intake.IntakeReferrals;
import vn.childguard.intake.Urgency;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.shared.crypto.DataCipher;

/**
 * A school's referral (channel SCHOOL) or a border screening officer's (channel POLICE) recorded as a
 * routed report, as {@link IntakeService} records one.
 */
@Service
class SchoolReferrals implements IntakeReferrals {

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final IntakeRouting routing;
    private final IntakeReferences references;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    SchoolReferrals(JdbcTemplate jdbc, DataCipher cipher, IntakeRouting routing, IntakeReferences references,
                    OrganisationDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.routing = routing;
        this.references = references;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long referFromSchool(String unitCode, String narrative, String contact) {
        return refer(java.util.Set.of(Role.SCHOOL_STAFF), "SCHOOL", "school referral", unitCode, narrative, contact);
    }

    @Override
    @Transactional
    public long referFromBorder(String unitCode, String narrative, String contact) {
        return refer(java.util.Set.of(Role.SCREENING_OFFICER, Role.INTELLIGENCE_OFFICER), "POLICE", "border screening referral", unitCode, narrative, contact);
    }

    private long refer(java.util.Set<Role> roles, String channel, String what, String unitCode, String narrative, String contact) {
        CurrentUser user = directory.currentUser().orElseThrow(() -> new AccessDeniedException("no user"));
        if (roles.stream().noneMatch(user::has)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.CREATE, "intake_report", null,
                    AuditEntry.Outcome.DENIED).withDetails(what));
            throw new AccessDeniedException("not " + roles);
        }
        var today = IntakeService.today(clock);
        AgencyRef committee = routing.committeeFor(unitCode, today)
                .orElseThrow(() -> new IntakeService.IntakeException("intake.error.unit.unroutable"));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String reference = references.next(today.getYear());
        String sql = "insert into intake_report (reference, channel, received_at, received_by, received_by_username,"
                + " receiving_agency_code, reporter_anonymous, reporter_name, reporter_contact, occurred_on,"
                + " occurred_at_unit, place_text, narrative, urgency, abuser_is_carer, routed_agency_code,"
                + " competent_agency_code, routed_at, status, version)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var s = connection.prepareStatement(sql, new String[]{"id"});
            s.setString(1, reference);
            s.setString(2, channel);
            s.setObject(3, now);
            s.setLong(4, user.id());
            s.setString(5, user.username());
            s.setString(6, user.agencyCode());
            s.setBoolean(7, false);
            s.setString(8, cipher.encrypt(user.fullName() + " (" + user.agencyNameVi() + ")"));
            s.setString(9, contact == null || contact.isBlank() ? null : cipher.encrypt(contact.strip()));
            s.setObject(10, today);
            s.setString(11, unitCode);
            s.setString(12, cipher.encrypt(user.agencyNameVi()));
            s.setString(13, cipher.encrypt(narrative.strip()));
            s.setString(14, Urgency.HIGH.name());
            s.setBoolean(15, false);
            s.setString(16, committee.code());
            s.setString(17, user.agencyCode());
            s.setObject(18, now);
            s.setString(19, IntakeRecord.Status.ROUTED.name());
            return s;
        }, keys);
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "intake_report", id, AuditEntry.Outcome.SUCCESS)
                .withDetails(what + " routed to " + committee.code()));
        return id;
    }
}
