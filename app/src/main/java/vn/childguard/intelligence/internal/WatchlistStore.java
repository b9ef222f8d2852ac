package vn.childguard.intelligence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.childguard.shared.PersonalData;

/** The watchlist and reminder tables in plain SQL; names, birth dates, documents and reason stay encrypted here. */
@PersonalData(table = "intel_watchlist_entry",
        category = "watched people: names, birth dates, documents, reason (encrypted)",
        purpose = "screening travel against police decisions",
        legalBasis = "Law 53/2024; decision number on the entry",
        retention = "WATCHLIST_EXPIRED",
        visibleTo = {"INTELLIGENCE_OFFICER"})
@Repository
class WatchlistStore {

    record EntryRow(long id, Long entityId, Long personId, String names, String birthDates, String sex,
                    String documents, String nationality, String reason, String decisionNumber,
                    LocalDate decisionDate, String approvedBy, LocalDate validUntil, String alertLevel, String owner,
                    String ownerAgency, Instant createdAt, Instant updatedAt, Instant removedAt, String removalReason,
                    LocalDate remindedOn) {
    }

    record Values(Long entityId, Long personId, String names, String birthDates, String sex, String documents,
                  String nationality, String reason, String decisionNumber, LocalDate decisionDate, String approvedBy,
                  LocalDate validUntil, String alertLevel) {
    }

    record ReminderRow(long id, String recipient, long entryId, LocalDate dueOn, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    WatchlistStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static EntryRow entry(ResultSet rs, int n) throws SQLException {
        return new EntryRow(rs.getLong("id"), longOrNull(rs, "entity_id"), longOrNull(rs, "person_id"),
                rs.getString("names"), rs.getString("birth_dates"), rs.getString("sex"), rs.getString("documents"),
                rs.getString("nationality"), rs.getString("reason"), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class), rs.getString("approved_by"),
                rs.getObject("valid_until", LocalDate.class), rs.getString("alert_level"), rs.getString("owner"),
                rs.getString("owner_agency"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "removed_at"), rs.getString("removal_reason"), rs.getObject("reminded_on", LocalDate.class));
    }

    long insert(Values v, String owner, String ownerAgency, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into intel_watchlist_entry (entity_id, person_id, names, birth_dates, sex, documents, "
                        + "nationality, reason, decision_number, decision_date, approved_by, valid_until, alert_level, "
                        + "owner, owner_agency, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(v.entityId(), v.personId(), v.names(), v.birthDates(), v.sex(), v.documents(), v.nationality(),
                        v.reason(), v.decisionNumber(), v.decisionDate(), v.approvedBy(), v.validUntil(),
                        v.alertLevel(), owner, ownerAgency, IntelligenceStore.ts(at), IntelligenceStore.ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Replaces the values; a new expiry date may need a new reminder and a new expiry event. */
    void update(long id, Values v, Instant at) {
        jdbc.sql("update intel_watchlist_entry set entity_id = ?, person_id = ?, names = ?, birth_dates = ?, sex = ?, "
                        + "documents = ?, nationality = ?, reason = ?, decision_number = ?, decision_date = ?, "
                        + "approved_by = ?, valid_until = ?, alert_level = ?, updated_at = ?, reminded_on = null, "
                        + "expiry_published = false, version = version + 1 where id = ?")
                .params(v.entityId(), v.personId(), v.names(), v.birthDates(), v.sex(), v.documents(), v.nationality(),
                        v.reason(), v.decisionNumber(), v.decisionDate(), v.approvedBy(), v.validUntil(),
                        v.alertLevel(), IntelligenceStore.ts(at), id)
                .update();
    }

    int remove(long id, String reason, Instant at) {
        return jdbc.sql("update intel_watchlist_entry set removed_at = ?, removal_reason = ?, updated_at = ? "
                + "where id = ? and removed_at is null").params(IntelligenceStore.ts(at), reason,
                IntelligenceStore.ts(at), id).update();
    }

    Optional<EntryRow> find(long id) {
        return jdbc.sql("select * from intel_watchlist_entry where id = ?").param(id).query(WatchlistStore::entry)
                .optional();
    }

    boolean decisionKnown(String decisionNumber) {
        return jdbc.sql("select count(*) from intel_watchlist_entry where decision_number = ?").param(decisionNumber)
                .query(Long.class).single() > 0;
    }

    /** Entries valid on the day (not removed, not expired). */
    List<EntryRow> activeOn(LocalDate day) {
        return jdbc.sql("select * from intel_watchlist_entry where removed_at is null and valid_until >= ? order by id")
                .param(day).query(WatchlistStore::entry).list();
    }

    /** Every entry, newest first; {@code agency} null for all, else the agency's own. */
    List<EntryRow> all(String agency) {
        return (agency == null
                ? jdbc.sql("select * from intel_watchlist_entry order by id desc")
                : jdbc.sql("select * from intel_watchlist_entry where owner_agency = ? order by id desc").param(agency))
                .query(WatchlistStore::entry).list();
    }

    /** Live entries expiring between the days (inclusive) whose owner has not been reminded yet. */
    List<EntryRow> expiringUnreminded(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from intel_watchlist_entry where removed_at is null and reminded_on is null "
                + "and valid_until between ? and ? order by id").params(from, to).query(WatchlistStore::entry).list();
    }

    void markReminded(long id, LocalDate day) {
        jdbc.sql("update intel_watchlist_entry set reminded_on = ? where id = ?").params(day, id).update();
    }

    /** Entries that expired before the day and have not been announced as expired. */
    List<Long> expiredUnpublished(LocalDate day) {
        return jdbc.sql("select id from intel_watchlist_entry where removed_at is null and expiry_published = false "
                + "and valid_until < ? order by id").param(day).query(Long.class).list();
    }

    void markExpiryPublished(long id) {
        jdbc.sql("update intel_watchlist_entry set expiry_published = true where id = ?").param(id).update();
    }

    void insertReminder(String recipient, long entryId, LocalDate dueOn, Instant at) {
        jdbc.sql("insert into intel_reminder (recipient, entry_id, due_on, created_at) values (?,?,?,?)")
                .params(recipient, entryId, dueOn, IntelligenceStore.ts(at)).update();
    }

    List<ReminderRow> reminders(String recipient) {
        return jdbc.sql("select * from intel_reminder where recipient = ? and seen_at is null order by due_on, id")
                .param(recipient).query((rs, n) -> new ReminderRow(rs.getLong("id"), rs.getString("recipient"),
                        rs.getLong("entry_id"), rs.getObject("due_on", LocalDate.class), instant(rs, "created_at")))
                .list();
    }
}
