package vn.childguard.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.PersonalData;

/**
 * Tips from the public web form: stored encrypted, looked up only by the keyed hash of their
 * tracking code (which answers with the status and nothing else), listed to the hotline and to the
 * committee of the commune they concern, converted into a report or closed by an intake operator.
 */
@PersonalData(table = "public_tip",
        category = "anonymous tip: narrative, place, child's name, optional contact",
        purpose = "receiving tips from the public",
        legalBasis = "Law on Children 2016 (everyone may report)",
        retention = "INTAKE_NO_CASE once converted; unconverted tips: not yet scheduled",
        visibleTo = {"INTAKE_OPERATOR"})
@Service
public class PublicTips {

    /** A tip as the operators see it, decrypted. */
    public record Tip(long id, TipStatus status, Instant createdAt, String unitCode, String narrative, String place,
                      String occurredWhen, LocalDate occurredOn, String childName, Integer childAge,
                      String contactName, String contactPhone, Long convertedIntakeId, long version) {
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final IntakePolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final IntakeRouting routing;

    PublicTips(JdbcTemplate jdbc, DataCipher cipher, IntakePolicy policy, AuditLog audit, Clock clock,
               IntakeRouting routing) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.routing = routing;
    }

    /** The commune codes a tip may name (those with a committee to receive it). */
    public Set<String> communeCodes() {
        return routing.communeCommittees(IntakeService.today(clock)).stream().map(a -> a.areaCode())
                .collect(Collectors.toSet());
    }

    /** Stores a tip the caller has validated with {@link TipValidation#checkAll}; returns the tracking code. */
    @Transactional
    public String submit(TipDraft d) {
        String code = TrackingCodes.generate();
        boolean contact = TipDraft.ContactChoice.CONTACT.name().equals(Inputs.clean(d.getContactChoice()));
        jdbc.update("insert into public_tip (tracking_hash, narrative, unit_code, place_text, occurred_when, occurred_on, "
                        + "child_name, child_age, contact_name, contact_phone, status, created_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,?)",
                hash(TrackingCodes.normalise(code)), cipher.encrypt(Inputs.clean(d.getNarrative())),
                d.getUnitCode().strip(), cipher.encrypt(Inputs.clean(d.getPlace())), d.getWhen().strip(),
                Inputs.date(d.getDate()), cipher.encrypt(Inputs.clean(d.getChildName())), Inputs.integer(d.getChildAge()),
                contact ? cipher.encrypt(Inputs.clean(d.getContactName())) : null,
                contact ? cipher.encrypt(Inputs.clean(d.getContactPhone())) : null,
                TipStatus.NEW.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        Long id = jdbc.queryForObject("select id from public_tip where tracking_hash = ?", Long.class,
                hash(TrackingCodes.normalise(code)));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "public_tip", id, AuditEntry.Outcome.SUCCESS)
                .withPurpose("public tip"));
        return code;
    }

    /** The status of the tip with this tracking code; empty for a code that is malformed or unknown. */
    @Transactional(readOnly = true)
    public Optional<TipStatus> status(String typedCode) {
        String code = TrackingCodes.normalise(typedCode);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select status from public_tip where tracking_hash = ?", String.class, hash(code))
                .stream().findFirst().map(TipStatus::valueOf);
    }

    /** Open tips (new or triaged) the user's agency receives: the hotline sees all, a committee those of its commune. */
    @Transactional(readOnly = true)
    public List<Tip> open(CurrentUser user) {
        if (!policy.mayHandleTips(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "public_tip", null, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("not an intake operator");
        }
        List<Tip> tips = jdbc.query("select * from public_tip where status in ('NEW', 'TRIAGED') order by created_at desc",
                        this::tip).stream()
                .filter(t -> policy.mayHandleTip(user, t.unitCode()))
                .toList();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "public_tip", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("list of open tips: " + tips.size()));
        return tips;
    }

    /** One tip, checked and audited; empty when it does not exist. */
    @Transactional
    public Optional<Tip> read(CurrentUser user, long id) {
        Optional<Tip> found = jdbc.query("select * from public_tip where id = ?", this::tip, id).stream().findFirst();
        if (found.isEmpty()) {
            return found;
        }
        if (!policy.mayHandleTips(user) || !policy.mayHandleTip(user, found.get().unitCode())) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "public_tip", id, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("tip outside the user's area");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "public_tip", id, AuditEntry.Outcome.SUCCESS));
        if (found.get().status() == TipStatus.NEW) {
            jdbc.update("update public_tip set status = 'TRIAGED', version = version + 1 where id = ? and status = 'NEW'",
                    id);
        }
        return found;
    }

    /** Closes a tip that needs no action. */
    @Transactional
    public void close(CurrentUser user, long id) {
        Tip tip = read(user, id).orElseThrow(() -> new java.util.NoSuchElementException("tip " + id));
        if (tip.status() == TipStatus.FORWARDED || tip.status() == TipStatus.CLOSED) {
            return;
        }
        jdbc.update("update public_tip set status = 'CLOSED', handled_by_username = ?, handled_at = ?, "
                        + "version = version + 1 where id = ?", user.username(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "public_tip", id, AuditEntry.Outcome.SUCCESS)
                .withDetails("closed without action"));
    }

    /** Marks the tip as turned into the report (in the report's transaction). */
    @Transactional
    void forwarded(CurrentUser user, long tipId, long intakeId) {
        int updated = jdbc.update("update public_tip set status = 'FORWARDED', converted_intake_id = ?, "
                        + "handled_by_username = ?, handled_at = ?, version = version + 1 "
                        + "where id = ? and status in ('NEW', 'TRIAGED')", intakeId, user.username(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), tipId);
        if (updated == 0) {
            throw new IntakeService.IntakeException("intake.tip.error.alreadyHandled");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "public_tip", tipId, AuditEntry.Outcome.SUCCESS)
                .withDetails("forwarded as intake_report " + intakeId));
    }

    private String hash(String normalisedCode) {
        return cipher.keyedHash("public-tip:" + normalisedCode);
    }

    private Tip tip(ResultSet rs, int row) throws SQLException {
        java.sql.Date on = rs.getDate("occurred_on");
        int age = rs.getInt("child_age");
        Integer childAge = rs.wasNull() ? null : age;
        long converted = rs.getLong("converted_intake_id");
        Long convertedId = rs.wasNull() ? null : converted;
        return new Tip(rs.getLong("id"), TipStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("unit_code"),
                cipher.decrypt(rs.getString("narrative")), cipher.decrypt(rs.getString("place_text")),
                rs.getString("occurred_when"), on == null ? null : on.toLocalDate(),
                cipher.decrypt(rs.getString("child_name")), childAge, cipher.decrypt(rs.getString("contact_name")),
                cipher.decrypt(rs.getString("contact_phone")), convertedId, rs.getLong("version"));
    }
}
