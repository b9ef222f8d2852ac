package vn.childguard.trafficking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.retention.RetainedRecords;
import vn.childguard.shared.retention.RetentionAction;
import vn.childguard.shared.retention.TimestampTriggers;

/**
 * Closed trafficking cases for the retention job. Anonymising keeps only the HTCDS codes statistics
 * use (exploitation, control, countries, return mode), the first exploitation date and the birth date
 * cut to its month; it removes the rest of the case data, the plan, notes, evidence, repatriation
 * details and free-text reasons.
 */
@Component
class TraffickingRetention implements RetainedRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The case-data keys {@code JdbcTraffickingFacts} reads: codes only, no text about the person. */
    private static final List<String> STATISTICAL_KEYS = List.of("exploitationTypes", "meansOfControl",
            "destinationCountries", "transitCountries", "returnMode", "recruiterRelationship");

    private final JdbcClient jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    TraffickingRetention(JdbcClient jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return "TC_CASE_CLOSED";
    }

    @Override
    public Set<RetentionAction> actions() {
        return Set.of(RetentionAction.ANONYMISE);
    }

    @Override
    public List<Candidate> triggeredBetween(Instant from, Instant to) {
        return TimestampTriggers.between(jdbc, "tc_case", "closed_at", "status = 'CLOSED' and anonymised_at is null",
                from, to);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<Long> apply(RetentionAction action, long id) {
        if (action != RetentionAction.ANONYMISE) {
            throw new IllegalArgumentException("Unsupported retention action " + action);
        }
        var row = jdbc.sql("select person_id, birth_date, exploited_on, case_data from tc_case "
                        + "where id = :id and status = 'CLOSED' and anonymised_at is null")
                .param("id", id).query().listOfRows();
        if (row.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> r = row.getFirst();
        String json = cipher.decrypt((String) r.get("case_data"));
        Map<String, Object> data = json == null || json.isBlank() ? Map.of() : JSON.readValue(json, Map.class);
        Map<String, Object> kept = new LinkedHashMap<>();
        STATISTICAL_KEYS.stream().filter(data::containsKey).forEach(k -> kept.put(k, data.get(k)));
        // the exploitation date statistics fall back on lives in the case data that is being removed
        LocalDate exploited = r.get("exploited_on") == null ? CaseData.firstExploitation(data) : null;
        if (exploited != null) {
            jdbc.sql("update tc_case set exploited_on = :exploited where id = :id").param("exploited", exploited)
                    .param("id", id).update();
        }
        String birth = cipher.decrypt((String) r.get("birth_date"));
        jdbc.sql("update tc_case set case_data = :data, plan_data = null, birth_date = :birth, "
                        + "anonymised_at = :now, version = version + 1 where id = :id")
                .param("data", cipher.encrypt(JSON.writeValueAsString(kept)))
                .param("birth", cipher.encrypt(monthOnly(birth)))
                .param("now", utc(clock.instant())).param("id", id).update();
        jdbc.sql("delete from tc_note where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_transition set evidence = null where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_support set reason = null where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_delivery set evidence = null where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_repatriation_step set details = null where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_follow_up set note = null where case_id = :id").param("id", id).update();
        jdbc.sql("update tc_referral set reason = '' where case_id = :id").param("id", id).update();
        return Set.of(((Number) r.get("person_id")).longValue());
    }

    @Override
    public boolean namesPerson(long personId) {
        return jdbc.sql("select count(*) from tc_case where anonymised_at is null and person_id = :p")
                .param("p", personId).query(Long.class).single() > 0;
    }

    /** {@code 2010-05-17} → {@code 2010-05-01}: the age stays right except in the birth month. */
    static String monthOnly(String birth) {
        return birth == null || birth.length() < 7 ? birth : birth.substring(0, 7) + "-01";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
