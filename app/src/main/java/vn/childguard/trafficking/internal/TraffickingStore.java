package vn.childguard.trafficking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.childguard.trafficking.TraffickingStatus;
import vn.childguard.shared.PersonalData;

/**
 * The trafficking tables, in plain SQL. Encrypted columns are passed and returned encrypted: the
 * service encrypts and decrypts. Times are stored as timestamps with time zone (UTC).
 */
@PersonalData(table = "tc_case",
        category = "victim's case: birth date, exploitation, places, plan (encrypted)",
        purpose = "identification, support and return of victims",
        legalBasis = "Law 53/2024; Decree 162/2025",
        retention = "TC_CASE_CLOSED",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR"})
@PersonalData(table = "tc_note",
        category = "social-work notes (encrypted)",
        purpose = "support of the victim",
        legalBasis = "Law 53/2024",
        retention = "TC_CASE_CLOSED (deleted)",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR"})
@Repository
class TraffickingStore {

    /** One case row. */
    record CaseRow(long id, String reference, long personId, TraffickingStatus status, String leadAgencyCode,
                   String partnerAgencyCode, String reportingAgencyCode, String unitCode, String countryCode,
                   boolean abroad, boolean foreignResident, boolean accompanyingMinor, String birthDate,
                   LocalDate exploitedOn, Instant reportedAt, Instant receivedAt, Instant verificationDueAt,
                   Instant verificationMetAt, Instant identifiedAt, Instant closedAt, Long cpCaseId, String caseData,
                   String planData, String createdBy, long version) {
    }

    record TransitionRow(long id, long caseId, String action, String fromStatus, String toStatus, String actor,
                         String agencyCode, Instant at, String legalBasis, String grounds, String evidence) {
    }

    record SupportRow(long id, long caseId, String benefit, String state, String reason, LocalDate decidedOn,
                      String recordedBy, Instant recordedAt) {
    }

    record DeliveryRow(long id, long caseId, String benefit, String provider, LocalDate deliveredOn, Long amountVnd,
                       String evidence, String recordedBy, Instant recordedAt) {
    }

    record StepRow(long id, long caseId, String step, String status, LocalDate date, String details, String recordedBy,
                   Instant recordedAt) {
    }

    record FollowUpRow(long id, long caseId, int monthNo, LocalDate dueOn, LocalDate doneOn, String outcome, String note,
                       String recordedBy) {
    }

    record NoteRow(long id, long caseId, String body, String author, Instant at) {
    }

    record ReferralRow(long id, long caseId, String toAgency, String reason, String legalBasis, String sentBy,
                       Instant sentAt, Instant revokedAt) {
    }

    record AmountRow(long id, String benefit, long amountVnd, String amountUnit, LocalDate effectiveFrom,
                     LocalDate effectiveTo, String note) {
    }

    private final JdbcClient jdbc;

    TraffickingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    // ------------------------------------------------------------------ cases

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("reference"), rs.getLong("person_id"),
                TraffickingStatus.valueOf(rs.getString("status")), rs.getString("lead_agency_code"),
                rs.getString("partner_agency_code"), rs.getString("reporting_agency_code"), rs.getString("unit_code"),
                rs.getString("country_code"), rs.getBoolean("abroad"), rs.getBoolean("foreign_resident"),
                rs.getBoolean("accompanying_minor"), rs.getString("birth_date"), date(rs, "exploited_on"),
                instant(rs, "reported_at"), instant(rs, "received_at"), instant(rs, "verification_due_at"),
                instant(rs, "verification_met_at"), instant(rs, "identified_at"), instant(rs, "closed_at"),
                longOrNull(rs, "cp_case_id"), rs.getString("case_data"), rs.getString("plan_data"),
                rs.getString("created_by"), rs.getLong("version"));
    }

    long insertCase(String tempReference, long personId, String lead, String partner, String reporting, String unit,
                    String country, boolean abroad, boolean foreignResident, boolean accompanyingMinor,
                    String birthDate, LocalDate exploitedOn, Instant reportedAt, String caseData, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into tc_case (reference, person_id, status, lead_agency_code, partner_agency_code, "
                        + "reporting_agency_code, unit_code, country_code, abroad, foreign_resident, accompanying_minor, "
                        + "birth_date, exploited_on, reported_at, case_data, created_by, version) "
                        + "values (?, ?, 'REPORTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(tempReference, personId, lead, partner, reporting, unit, country, abroad, foreignResident,
                        accompanyingMinor, birthDate, exploitedOn, ts(reportedAt), caseData, createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setReference(long id, String reference) {
        jdbc.sql("update tc_case set reference = ? where id = ?").params(reference, id).update();
    }

    Optional<CaseRow> findCase(long id) {
        return jdbc.sql("select * from tc_case where id = ?").param(id).query(TraffickingStore::caseRow).optional();
    }

    List<CaseRow> allCases() {
        return jdbc.sql("select * from tc_case order by reported_at desc, id desc").query(TraffickingStore::caseRow).list();
    }

    /** Cases led or partnered by the agencies, in the statuses, whose verification clock still runs. */
    List<CaseRow> verificationRunning(Collection<String> agencies, Collection<TraffickingStatus> statuses) {
        return jdbc.sql("select * from tc_case where (lead_agency_code in (:agencies) or partner_agency_code in (:agencies)) "
                        + "and verification_due_at is not null and verification_met_at is null and status in (:statuses)")
                .param("agencies", agencies).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(TraffickingStore::caseRow).list();
    }

    /** Cases led or partnered by the agencies, not closed, with a follow-up due by the day and not done. */
    List<CaseRow> followUpDue(Collection<String> agencies, LocalDate day) {
        return jdbc.sql("select * from tc_case c where (c.lead_agency_code in (:agencies) "
                        + "or c.partner_agency_code in (:agencies)) and c.status <> 'CLOSED' and exists (select 1 "
                        + "from tc_follow_up f where f.case_id = c.id and f.done_on is null and f.due_on <= :day)")
                .param("agencies", agencies).param("day", day).query(TraffickingStore::caseRow).list();
    }

    List<CaseRow> casesOfPerson(long personId) {
        return jdbc.sql("select * from tc_case where person_id = ?").param(personId).query(TraffickingStore::caseRow).list();
    }

    void updateStatus(long id, TraffickingStatus status, Instant receivedAt, Instant verificationDueAt,
                      Instant verificationMetAt, Instant identifiedAt, Instant closedAt) {
        jdbc.sql("update tc_case set status = ?, received_at = ?, verification_due_at = ?, verification_met_at = ?, "
                        + "identified_at = ?, closed_at = ?, version = version + 1 where id = ?")
                .params(status.name(), ts(receivedAt), ts(verificationDueAt), ts(verificationMetAt), ts(identifiedAt),
                        ts(closedAt), id).update();
    }

    void updateData(long id, String caseData, String country, Boolean abroad) {
        jdbc.sql("update tc_case set case_data = ?, country_code = coalesce(?, country_code), "
                        + "abroad = coalesce(?, abroad), version = version + 1 where id = ?")
                .params(caseData, country, abroad, id).update();
    }

    void setAbroad(long id, boolean abroad) {
        jdbc.sql("update tc_case set abroad = ? where id = ?").params(abroad, id).update();
    }

    void updatePlan(long id, String planData) {
        jdbc.sql("update tc_case set plan_data = ? where id = ?").params(planData, id).update();
    }

    void linkChildProtection(long id, long cpCaseId) {
        jdbc.sql("update tc_case set cp_case_id = ? where id = ?").params(cpCaseId, id).update();
    }

    // ------------------------------------------------------------------ transitions

    void insertTransition(long caseId, TraffickingWorkflow.Record r, String grounds, String evidence) {
        jdbc.sql("insert into tc_transition (case_id, action, from_status, to_status, actor, agency_code, happened_at, "
                        + "legal_basis, grounds, evidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, r.action().name(), r.from() == null ? null : r.from().name(), r.to().name(), r.actor(),
                        r.agencyCode(), ts(r.at()), r.legalBasis(), grounds, evidence).update();
    }

    List<TransitionRow> transitions(long caseId) {
        return jdbc.sql("select * from tc_transition where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new TransitionRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"),
                        rs.getString("agency_code"), instant(rs, "happened_at"), rs.getString("legal_basis"),
                        rs.getString("grounds"), rs.getString("evidence"))).list();
    }

    // ------------------------------------------------------------------ benefit rules and amounts

    long countRules() {
        return jdbc.sql("select count(*) from tc_benefit_rule").query(Long.class).single();
    }

    void insertRule(Entitlements.Rule r) {
        jdbc.sql("insert into tc_benefit_rule (benefit, person_status, location, residence, accompanying_minor, "
                        + "entitled, basis) values (?, ?, ?, ?, ?, ?, ?)")
                .params(r.benefit().name(), r.situation().status().name(), r.situation().location().name(),
                        r.situation().residence().name(), r.situation().accompanyingMinor(), r.entitled(), r.basis())
                .update();
    }

    List<Entitlements.Rule> rules() {
        return jdbc.sql("select * from tc_benefit_rule").query((rs, n) -> new Entitlements.Rule(
                Entitlements.Benefit.valueOf(rs.getString("benefit")),
                new Entitlements.Situation(Entitlements.PersonStatus.valueOf(rs.getString("person_status")),
                        Entitlements.Location.valueOf(rs.getString("location")),
                        Entitlements.Residence.valueOf(rs.getString("residence")), rs.getBoolean("accompanying_minor")),
                rs.getBoolean("entitled"), rs.getString("basis"))).list();
    }

    List<AmountRow> amounts() {
        return jdbc.sql("select * from tc_benefit_amount order by benefit, effective_from desc")
                .query((rs, n) -> new AmountRow(rs.getLong("id"), rs.getString("benefit"), rs.getLong("amount_vnd"),
                        rs.getString("amount_unit"), date(rs, "effective_from"), date(rs, "effective_to"),
                        rs.getString("note"))).list();
    }

    void insertAmount(String benefit, long amount, String unit, LocalDate from, LocalDate to, String note, String by,
                      Instant at) {
        jdbc.sql("insert into tc_benefit_amount (benefit, amount_vnd, amount_unit, effective_from, effective_to, note, "
                        + "edited_by, edited_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(benefit, amount, unit, from, to, note, by, ts(at)).update();
    }

    // ------------------------------------------------------------------ support

    List<SupportRow> support(long caseId) {
        return jdbc.sql("select * from tc_support where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new SupportRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("benefit"),
                        rs.getString("state"), rs.getString("reason"), date(rs, "decided_on"),
                        rs.getString("recorded_by"), instant(rs, "recorded_at"))).list();
    }

    void upsertSupport(long caseId, String benefit, String state, String reason, LocalDate on, String by, Instant at) {
        int updated = jdbc.sql("update tc_support set state = ?, reason = ?, decided_on = ?, recorded_by = ?, "
                        + "recorded_at = ? where case_id = ? and benefit = ?")
                .params(state, reason, on, by, ts(at), caseId, benefit).update();
        if (updated == 0) {
            jdbc.sql("insert into tc_support (case_id, benefit, state, reason, decided_on, recorded_by, recorded_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(caseId, benefit, state, reason, on, by, ts(at)).update();
        }
    }

    List<DeliveryRow> deliveries(long caseId) {
        return jdbc.sql("select * from tc_delivery where case_id = ? order by delivered_on, id").param(caseId)
                .query((rs, n) -> new DeliveryRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("benefit"),
                        rs.getString("provider"), date(rs, "delivered_on"), longOrNull(rs, "amount_vnd"),
                        rs.getString("evidence"), rs.getString("recorded_by"), instant(rs, "recorded_at"))).list();
    }

    void insertDelivery(long caseId, String benefit, String provider, LocalDate on, Long amount, String evidence,
                        String by, Instant at) {
        jdbc.sql("insert into tc_delivery (case_id, benefit, provider, delivered_on, amount_vnd, evidence, recorded_by, "
                        + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, benefit, provider, on, amount, evidence, by, ts(at)).update();
    }

    // ------------------------------------------------------------------ repatriation

    List<StepRow> steps(long caseId) {
        return jdbc.sql("select * from tc_repatriation_step where case_id = ? order by step_date, id").param(caseId)
                .query((rs, n) -> new StepRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("step"),
                        rs.getString("step_status"), date(rs, "step_date"), rs.getString("details"),
                        rs.getString("recorded_by"), instant(rs, "recorded_at"))).list();
    }

    void insertStep(long caseId, String step, String status, LocalDate on, String details, String by, Instant at) {
        jdbc.sql("insert into tc_repatriation_step (case_id, step, step_status, step_date, details, recorded_by, "
                        + "recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, step, status, on, details, by, ts(at)).update();
    }

    // ------------------------------------------------------------------ follow-ups

    private static FollowUpRow followUp(ResultSet rs, int n) throws SQLException {
        return new FollowUpRow(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("month_no"), date(rs, "due_on"),
                date(rs, "done_on"), rs.getString("outcome"), rs.getString("note"), rs.getString("recorded_by"));
    }

    List<FollowUpRow> followUps(long caseId) {
        return jdbc.sql("select * from tc_follow_up where case_id = ? order by due_on, id").param(caseId)
                .query(TraffickingStore::followUp).list();
    }

    /** The cases with a follow-up not done and due by {@code day}. */
    Set<Long> casesWithFollowUpDue(LocalDate day) {
        return new HashSet<>(jdbc.sql("select distinct case_id from tc_follow_up where done_on is null and due_on <= ?")
                .param(day).query(Long.class).list());
    }

    List<FollowUpRow> followUpsDueBy(LocalDate day, Collection<Long> caseIds) {
        return caseIds.isEmpty() ? List.of() : jdbc.sql("select * from tc_follow_up where done_on is null "
                        + "and due_on <= :day and case_id in (:cases) order by due_on")
                .param("day", day).param("cases", caseIds).query(TraffickingStore::followUp).list();
    }

    void insertFollowUp(long caseId, int month, LocalDate due) {
        jdbc.sql("insert into tc_follow_up (case_id, month_no, due_on) values (?, ?, ?)").params(caseId, month, due).update();
    }

    int completeFollowUp(long caseId, long id, LocalDate doneOn, String outcome, String note, String by) {
        return jdbc.sql("update tc_follow_up set done_on = ?, outcome = ?, note = ?, recorded_by = ? where id = ? "
                        + "and case_id = ?")
                .params(doneOn, outcome, note, by, id, caseId).update();
    }

    void deleteOpenFollowUps(long caseId) {
        jdbc.sql("delete from tc_follow_up where case_id = ? and done_on is null").param(caseId).update();
    }

    // ------------------------------------------------------------------ notes and referrals

    List<NoteRow> notes(long caseId) {
        return jdbc.sql("select * from tc_note where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new NoteRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("body"),
                        rs.getString("author"), instant(rs, "created_at"))).list();
    }

    void insertNote(long caseId, String body, String author, Instant at) {
        jdbc.sql("insert into tc_note (case_id, body, author, created_at) values (?, ?, ?, ?)")
                .params(caseId, body, author, ts(at)).update();
    }

    List<ReferralRow> referrals(long caseId) {
        return jdbc.sql("select * from tc_referral where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new ReferralRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("to_agency"),
                        rs.getString("reason"), rs.getString("legal_basis"), rs.getString("sent_by"),
                        instant(rs, "sent_at"), instant(rs, "revoked_at"))).list();
    }

    boolean hasOpenReferral(long caseId, String agencyCode) {
        return jdbc.sql("select count(*) from tc_referral where case_id = ? and to_agency = ? and revoked_at is null")
                .params(caseId, agencyCode).query(Long.class).single() > 0;
    }

    void insertReferral(long caseId, String toAgency, String reason, String legalBasis, String by, Instant at) {
        jdbc.sql("insert into tc_referral (case_id, to_agency, reason, legal_basis, sent_by, sent_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(caseId, toAgency, reason, legalBasis, by, ts(at)).update();
    }
}
