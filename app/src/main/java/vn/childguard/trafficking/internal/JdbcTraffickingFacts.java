package vn.childguard.trafficking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.people.PersonView;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.trafficking.TraffickingFacts;
import vn.childguard.trafficking.TraffickingStatus;

/**
 * Reads the case table and decrypts only what statistics need (birth date → year and age, the HTCDS
 * code lists); texts of the data (summary, places, platforms) are never taken out of the map.
 */
@Component
class JdbcTraffickingFacts implements TraffickingFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataCipher cipher;

    JdbcTraffickingFacts(JdbcClient jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseFact> cases() {
        Map<Long, List<String>> delivered = new HashMap<>();
        jdbc.sql("select distinct case_id, benefit from tc_delivery order by case_id, benefit")
                .query((rs, n) -> delivered.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("select id, person_id, status, lead_agency_code, unit_code, country_code, birth_date, "
                        + "exploited_on, reported_at, identified_at, closed_at, case_data from tc_case order by id")
                .query((rs, n) -> fact(rs, delivered))
                .list();
    }

    private CaseFact fact(ResultSet rs, Map<Long, List<String>> delivered) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Object> data = data(rs.getString("case_data"));
        String birth = cipher.decrypt(rs.getString("birth_date"));
        Instant reported = instant(rs, "reported_at");
        LocalDate exploited = rs.getObject("exploited_on", LocalDate.class);
        if (exploited == null) {
            exploited = CaseData.firstExploitation(data);
        }
        if (exploited == null) {
            exploited = reported.atZone(VerificationClock.VIETNAM).toLocalDate();
        }
        Integer birthYear = null;
        Integer age = null;
        if (birth != null && birth.length() >= 4 && birth.substring(0, 4).chars().allMatch(Character::isDigit)) {
            birthYear = Integer.valueOf(birth.substring(0, 4));
            try {
                age = PersonView.ageOn(birth, exploited);
            } catch (java.time.DateTimeException e) {
                age = null;
            }
        }
        List<String> destinations = codes(data, "destinationCountries");
        String country = rs.getString("country_code");
        return new CaseFact(id, rs.getLong("person_id"), TraffickingStatus.valueOf(rs.getString("status")),
                rs.getString("lead_agency_code"), rs.getString("unit_code"), country, birthYear, age,
                codes(data, "exploitationTypes"), codes(data, "meansOfControl"), destinations,
                codes(data, "transitCountries"), text(data, "returnMode"), text(data, "recruiterRelationship"),
                reported, instant(rs, "identified_at"), instant(rs, "closed_at"), delivered.getOrDefault(id, List.of()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String encrypted) {
        String json = cipher.decrypt(encrypted);
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, Map.class);
    }

    private static List<String> codes(Map<String, Object> data, String key) {
        return data.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String text(Map<String, Object> data, String key) {
        return data.get(key) instanceof String s ? s : null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
