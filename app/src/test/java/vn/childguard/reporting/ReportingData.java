package vn.childguard.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Source records for the reporting tests, written straight into the modules' tables in a quarter no
 * demo record reaches (2019), so that the figures of that quarter are exactly these records.
 */
final class ReportingData {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate FROM = LocalDate.of(2019, 4, 1);
    static final LocalDate TO = LocalDate.of(2019, 6, 30);

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;

    ReportingData(JdbcTemplate jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    long person(String sex, String birthDate, String nationality) {
        Instant now = Instant.now();
        jdbc.update("insert into person (full_name, birth_date, sex, nationality, registered_by, registering_agency, "
                        + "created_at, updated_at) values (?, ?, ?, ?, 'test', 'SYT', ?, ?)",
                cipher.encrypt("Người thử " + UUID.randomUUID()), birthDate, sex, nationality, now.atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC));
        return jdbc.queryForObject("select max(id) from person", Long.class);
    }

    long childProtectionCase(long person, String unit, LocalDate openedOn, String status) {
        var at = openedOn.atTime(9, 0).atZone(VIETNAM).toOffsetDateTime();
        jdbc.update("insert into cp_case (reference, child_person_id, owning_agency_code, unit_code, status, received_at, "
                        + "opened_at, opened_by) values (?, ?, 'SYT', ?, ?, ?, ?, 'test')",
                "RPT-" + UUID.randomUUID().toString().substring(0, 12), person, unit, status, at, at);
        return jdbc.queryForObject("select max(id) from cp_case", Long.class);
    }

    long traffickingCase(long person, String unit, LocalDate reportedOn, String status, String birthDate,
                         List<String> exploitation, List<String> destinations, String returnMode) {
        var at = reportedOn.atTime(10, 0).atZone(VIETNAM).toOffsetDateTime();
        String data = JsonMapper.builder().build().writeValueAsString(Map.of("exploitationTypes", exploitation,
                "destinationCountries", destinations, "returnMode", returnMode, "summary", "văn bản tự do không được xuất"));
        jdbc.update("insert into tc_case (reference, person_id, status, lead_agency_code, partner_agency_code, "
                        + "reporting_agency_code, unit_code, country_code, birth_date, reported_at, identified_at, "
                        + "case_data, created_by) values (?, ?, ?, 'SYT', 'CA-TINH', 'SYT', ?, ?, ?, ?, ?, ?, 'test')",
                "RPT-" + UUID.randomUUID().toString().substring(0, 12), person, status, unit,
                destinations.isEmpty() ? null : destinations.getFirst(), cipher.encrypt(birthDate), at,
                "IDENTIFIED".equals(status) || "SUPPORTED".equals(status) ? at.plusDays(5) : null,
                cipher.encrypt(data));
        return jdbc.queryForObject("select max(id) from tc_case", Long.class);
    }

    /** The quarter's records: trafficking victims of both sexes and three age bands, child-protection cases in two communes. */
    void quarter() {
        if (jdbc.queryForObject("select count(*) from tc_case where created_by = 'test' and reference like 'RPT-%'",
                Long.class) > 0) {
            return;
        }
        String[][] victims = {
                {"F", "2004-05-01", "IDENTIFIED", "SEXUAL", "GB", "RESCUED"},
                {"F", "2005-02-01", "UNDER_VERIFICATION", "FORCED_LABOUR", "GB", "SELF_RETURNED"},
                {"M", "2003-01-01", "IDENTIFIED", "FORCED_CRIMINALITY", "GB", "REPATRIATED"},
                {"M", "1990-01-01", "SUPPORTED", "FORCED_LABOUR", "DE", "REPATRIATED"},
                {"F", "1999-08-09", "NOT_A_VICTIM", "FORCED_LABOUR", "FR", "SELF_RETURNED"},
                {"M", "2002-12-12", "RECEIVED", "FORCED_CRIMINALITY", "GB", "RESCUED"}};
        int day = 1;
        for (String[] v : victims) {
            long p = person(v[0], v[1], "VN");
            traffickingCase(p, "25486", FROM.plusDays(day++), v[2], v[1], List.of(v[3]), List.of(v[4]), v[5]);
        }
        childProtectionCase(person("F", "2010-01-01", "VN"), "25486", FROM.plusDays(3), "REPORTED");
        childProtectionCase(person("M", "2012-03-04", "VN"), "25486", FROM.plusDays(20), "INITIAL_ASSESSMENT");
        childProtectionCase(person("M", "2008-07-07", "VN"), "25516", FROM.plusDays(40), "REPORTED");
        // a pre-2025 district with several successors stays province-level
        childProtectionCase(person("F", "2011-11-11", "VN"), "705", FROM.plusDays(50), "REPORTED");
    }
}
