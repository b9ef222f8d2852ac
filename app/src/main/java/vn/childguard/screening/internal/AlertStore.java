package vn.childguard.screening.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.PersonalData;

/** Alerts, written in JDBC batches, one per person and trip (a second one for the same trip is dropped). */
@PersonalData(table = "screening_alert",
        category = "alerts on a traveller, the matched child",
        purpose = "review of risky trips",
        legalBasis = "Law 53/2024",
        retention = "SCREENING_ALERT_DISMISSED; others kept as evidence",
        visibleTo = {"SCREENING_OFFICER", "INTELLIGENCE_OFFICER"})
@Component
public class AlertStore {

    public record AlertRow(long id, String reference, String recordId, Long batchId, String travellerKey, String tripKey,
                           java.time.LocalDate travelDate, int score, String rules, boolean watchlistMatch, boolean minor,
                           String details, int ruleVersion, String status, String claimedBy, String proposedBy,
                           String proposedReason, String decidedBy, Instant decidedAt, String decisionReason, Long leadId,
                           Instant createdAt, Long atRiskPersonId, Long intakeId, Long caseId) {
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;

    AlertStore(JdbcTemplate jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static String reference(String travellerKey, String tripKey) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((travellerKey + "|" + tripKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "SCR-" + HexFormat.of().formatHex(h, 0, 6).toUpperCase(java.util.Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the alerts not already there for the same person and trip; returns how many were added. */
    public int insert(List<ScreeningEngine.AlertDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var d : drafts) {
            if (!seen.add(d.travellerKey() + "|" + d.tripKey())) {
                continue;
            }
            rows.add(new Object[]{reference(d.travellerKey(), d.tripKey()), d.recordId(), d.batchId(), d.travellerKey(),
                    d.tripKey(), Date.valueOf(d.travelDate()), d.score(), d.rules(), d.watchlistMatch(), d.minor(),
                    cipher.encrypt(d.details()), d.ruleVersion(), "OPEN", Timestamp.from(now), d.atRiskPersonId(), d.travellerKey(),
                    d.tripKey()});
        }
        int[] counts = jdbc.batchUpdate("insert into screening_alert (reference, record_id, batch_id, traveller_key, trip_key, "
                + "travel_date, risk_score, rules, watchlist_match, minor, details, rule_version, status, created_at, at_risk_person_id) "
                + "select cast(? as varchar(40)), cast(? as varchar(100)), cast(? as bigint), cast(? as varchar(100)), "
                + "cast(? as varchar(200)), cast(? as date), cast(? as integer), cast(? as varchar(500)), cast(? as boolean), "
                + "cast(? as boolean), cast(? as varchar(20000)), cast(? as integer), cast(? as varchar(20)), "
                + "cast(? as timestamp with time zone), cast(? as bigint) where not exists "
                + "(select 1 from screening_alert where traveller_key = ? and trip_key = ?)", rows);
        int added = 0;
        for (int c : counts) {
            added += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
        }
        return added;
    }

    private static final String COLUMNS = "id, reference, record_id, batch_id, traveller_key, trip_key, travel_date, risk_score, "
            + "rules, watchlist_match, minor, details, rule_version, status, claimed_by, proposed_by, proposed_reason, "
            + "decided_by, decided_at, decision_reason, lead_id, created_at, at_risk_person_id, intake_id, case_id";

    private AlertRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(19);
        long batch = rs.getLong(4);
        Long batchId = rs.wasNull() ? null : batch;
        long lead = rs.getLong(21);
        Long leadId = rs.wasNull() ? null : lead;
        String proposed = rs.getString(17);
        String reason = rs.getString(20);
        return new AlertRow(rs.getLong(1), rs.getString(2), rs.getString(3), batchId, rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11),
                cipher.decrypt(rs.getString(12)), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16),
                proposed == null ? null : cipher.decrypt(proposed), rs.getString(18), decided == null ? null : decided.toInstant(),
                reason == null ? null : cipher.decrypt(reason), leadId, rs.getTimestamp(22).toInstant(), nullableLong(rs, 23),
                nullableLong(rs, 24), nullableLong(rs, 25));
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public Optional<AlertRow> find(long id) {
        return jdbc.query("select " + COLUMNS + " from screening_alert where id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    public List<AlertRow> forRecords(java.util.Collection<String> recordIds) {
        List<AlertRow> out = new ArrayList<>();
        List<String> list = new ArrayList<>(recordIds);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> part = list.subList(from, Math.min(list.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            out.addAll(jdbc.query("select " + COLUMNS + " from screening_alert where record_id in (" + in + ") order by id",
                    (rs, n) -> map(rs), part.toArray()));
        }
        return out;
    }

    /** The queue: filtered by status and rule (either may be null), riskiest first, then oldest. */
    public List<AlertRow> queue(String status, String rule, Long batchId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from screening_alert where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (rule != null) {
            sql.append(" and rules like ?");
            args.add("%" + rule + "%");
        }
        if (batchId != null) {
            sql.append(" and batch_id = ?");
            args.add(batchId);
        }
        sql.append(" order by risk_score desc, id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, n) -> map(rs), args.toArray());
    }

    public List<AlertRow> forTraveller(String travellerKey) {
        return jdbc.query("select " + COLUMNS + " from screening_alert where traveller_key = ? order by travel_date desc",
                (rs, n) -> map(rs), travellerKey);
    }

    /** Changes the status when it still is {@code expected}; false when someone else got there first. */
    public boolean transition(long id, String expected, String status, String claimedBy, String proposedBy, String proposedReason,
                              String decidedBy, Instant decidedAt, String decisionReason, Long leadId) {
        return jdbc.update("update screening_alert set status = ?, claimed_by = coalesce(?, claimed_by), "
                        + "proposed_by = coalesce(?, proposed_by), proposed_reason = coalesce(?, proposed_reason), decided_by = ?, "
                        + "decided_at = ?, decision_reason = ?, lead_id = coalesce(?, lead_id) where id = ? and status = ?",
                status, claimedBy, proposedBy, proposedReason == null ? null : cipher.encrypt(proposedReason), decidedBy,
                decidedAt == null ? null : Timestamp.from(decidedAt),
                decisionReason == null ? null : cipher.encrypt(decisionReason), leadId, id, expected) == 1;
    }

    /** Records the intake report a child's alert was referred to. */
    public void referredTo(long id, long intakeId) {
        jdbc.update("update screening_alert set intake_id = ? where id = ?", intakeId, id);
    }

    /** Records the child-protection case opened from a child's alert. */
    public void caseOpened(long id, long caseId) {
        jdbc.update("update screening_alert set case_id = ? where id = ?", caseId, id);
    }

    /** Whether some alert matched the register person as an at-risk child (every alert is visible to every screening officer). */
    public boolean namesAtRiskPerson(long personId) {
        return !jdbc.queryForList("select id from screening_alert where at_risk_person_id = ? fetch first 1 rows only", Long.class,
                personId).isEmpty();
    }

    /** Alerts per 1,000 travellers, share escalated, mean hours to decision. */
    public record Statistics(long travellers, long alerts, double alertsPerThousand, long decided, double shareEscalated,
                             double meanHoursToDecision) {
    }

    public Statistics statistics() {
        long travellers = jdbc.queryForObject("select count(*) from screening_record", Long.class);
        long alerts = jdbc.queryForObject("select count(*) from screening_alert", Long.class);
        long decided = jdbc.queryForObject("select count(*) from screening_alert where decided_at is not null", Long.class);
        long escalated = jdbc.queryForObject("select count(*) from screening_alert where status in ('ESCALATED', 'REFERRED')",
                Long.class);
        List<double[]> times = jdbc.query("select created_at, decided_at from screening_alert where decided_at is not null",
                (rs, n) -> new double[]{(rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 3_600_000.0});
        double mean = times.stream().mapToDouble(t -> t[0]).average().orElse(0);
        return new Statistics(travellers, alerts, travellers == 0 ? 0 : alerts * 1000.0 / travellers, decided,
                decided == 0 ? 0 : (double) escalated / decided, mean);
    }
}
