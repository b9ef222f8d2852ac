package vn.childguard.intelligence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The criminal-proceeding tables in plain SQL; summary, notes and sentence stay encrypted here. */
@Repository
class ProceedingStore {

    record ProceedingRow(long id, String reference, String stage, String summary, String unitCode, String agencyCode,
                         LocalDate receivedOn, String outcome, String sentence, String createdBy, Instant createdAt) {
    }

    record StepRow(long id, String stage, LocalDate doneOn, String note, String recordedBy) {
    }

    record ChargeRow(long id, String article, Long suspectEntityId) {
    }

    record VictimRow(long id, String caseKind, long caseId, String caseReference, String ageBand) {
    }

    private final JdbcClient jdbc;

    ProceedingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ProceedingRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new ProceedingRow(rs.getLong("id"), rs.getString("reference"), rs.getString("stage"),
                rs.getString("summary"), rs.getString("unit_code"), rs.getString("agency_code"),
                rs.getObject("received_on", LocalDate.class), rs.getString("outcome"), rs.getString("sentence"),
                rs.getString("created_by"), created == null ? null : created.toInstant());
    }

    long insert(String summary, String unitCode, String agencyCode, LocalDate receivedOn, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into intel_proceeding (reference, stage, summary, unit_code, agency_code, received_on, "
                        + "created_by, created_at) values (?,?,?,?,?,?,?,?)")
                .params("p-" + java.util.UUID.randomUUID(), ProceedingStage.DENUNCIATION_RECEIVED.name(), summary,
                        unitCode, agencyCode, receivedOn, by, IntelligenceStore.ts(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update intel_proceeding set reference = ? where id = ?")
                .params(String.format("HS-%d-%06d", receivedOn.getYear(), id), id).update();
        return id;
    }

    Optional<ProceedingRow> find(long id) {
        return jdbc.sql("select * from intel_proceeding where id = ?").param(id).query(ProceedingStore::row).optional();
    }

    List<ProceedingRow> list(String agency) {
        return (agency == null ? jdbc.sql("select * from intel_proceeding order by id desc")
                : jdbc.sql("select * from intel_proceeding where agency_code = ? order by id desc").param(agency))
                .query(ProceedingStore::row).list();
    }

    void setStage(long id, String stage) {
        jdbc.sql("update intel_proceeding set stage = ? where id = ?").params(stage, id).update();
    }

    void setOutcome(long id, String outcome, String sentence) {
        jdbc.sql("update intel_proceeding set outcome = ?, sentence = ? where id = ?").params(outcome, sentence, id)
                .update();
    }

    void insertStep(long id, String stage, LocalDate doneOn, String note, String by, Instant at) {
        jdbc.sql("insert into intel_proceeding_step (proceeding_id, stage, done_on, note, recorded_by, recorded_at) "
                + "values (?,?,?,?,?,?)").params(id, stage, doneOn, note, by, IntelligenceStore.ts(at)).update();
    }

    List<StepRow> steps(long id) {
        return jdbc.sql("select * from intel_proceeding_step where proceeding_id = ? order by done_on, id").param(id)
                .query((rs, n) -> new StepRow(rs.getLong("id"), rs.getString("stage"),
                        rs.getObject("done_on", LocalDate.class), rs.getString("note"), rs.getString("recorded_by")))
                .list();
    }

    void insertCharge(long id, String article, Long suspect) {
        jdbc.sql("insert into intel_proceeding_charge (proceeding_id, article, suspect_entity_id) values (?,?,?)")
                .params(id, article, suspect).update();
    }

    List<ChargeRow> charges(long id) {
        return jdbc.sql("select * from intel_proceeding_charge where proceeding_id = ? order by id").param(id)
                .query((rs, n) -> {
                    long s = rs.getLong("suspect_entity_id");
                    return new ChargeRow(rs.getLong("id"), rs.getString("article"), rs.wasNull() ? null : s);
                }).list();
    }

    void insertSuspect(long id, long entityId) {
        if (!suspects(id).contains(entityId)) {
            jdbc.sql("insert into intel_proceeding_suspect (proceeding_id, entity_id) values (?,?)")
                    .params(id, entityId).update();
        }
    }

    List<Long> suspects(long id) {
        return jdbc.sql("select entity_id from intel_proceeding_suspect where proceeding_id = ? order by entity_id")
                .param(id).query(Long.class).list();
    }

    void insertVictim(long id, String caseKind, long caseId, String reference, String ageBand) {
        jdbc.sql("insert into intel_proceeding_victim (proceeding_id, case_kind, case_id, case_reference, age_band) "
                + "values (?,?,?,?,?)").params(id, caseKind, caseId, reference, ageBand).update();
    }

    List<VictimRow> victims(long id) {
        return jdbc.sql("select * from intel_proceeding_victim where proceeding_id = ? order by id").param(id)
                .query((rs, n) -> new VictimRow(rs.getLong("id"), rs.getString("case_kind"), rs.getLong("case_id"),
                        rs.getString("case_reference"), rs.getString("age_band"))).list();
    }

    /** True when a proceeding of the agency (any agency when null) names the case as a victim's. */
    boolean linksCase(String agency, String caseKind, long caseId) {
        return jdbc.sql("select count(*) from intel_proceeding_victim v join intel_proceeding p on p.id = v.proceeding_id "
                        + "where v.case_kind = ? and v.case_id = ?" + (agency == null ? "" : " and p.agency_code = ?"))
                .params(agency == null ? new Object[]{caseKind, caseId} : new Object[]{caseKind, caseId, agency})
                .query(Long.class).single() > 0;
    }

    /** Proceedings received in the period that reached each stage (or ended with each outcome). */
    Map<String, Long> reached(LocalDate from, LocalDate to, String agency) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String scope = " and p.received_on between ? and ?" + (agency == null ? "" : " and p.agency_code = ?");
        Object[] params = agency == null ? new Object[]{from, to} : new Object[]{from, to, agency};
        jdbc.sql("select s.stage, count(distinct p.id) from intel_proceeding p join intel_proceeding_step s "
                        + "on s.proceeding_id = p.id where 1 = 1" + scope + " group by s.stage")
                .params(params).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        jdbc.sql("select 'OUTCOME_' || p.outcome, count(*) from intel_proceeding p where p.outcome is not null" + scope
                        + " group by p.outcome")
                .params(params).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        counts.put("RECEIVED", jdbc.sql("select count(*) from intel_proceeding p where 1 = 1" + scope)
                .params(params).query(Long.class).single());
        return counts;
    }

    /** Proceedings per commune where the facts happened. */
    Map<String, Long> byCommune() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select unit_code, count(*) from intel_proceeding where unit_code is not null group by unit_code")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
