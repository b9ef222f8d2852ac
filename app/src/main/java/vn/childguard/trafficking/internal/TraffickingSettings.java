package vn.childguard.trafficking.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who leads trafficking cases, as configuration: since Law 53/2024 (in force {@code lawFrom}) the
 * provincial health department leads initial verification with the provincial police; cases received
 * earlier were assigned to {@code legacyLeadAgency} (the labour department under the 2011 law), read
 * today through the agency's successor. Also the verification period and the follow-up months.
 */
@ConfigurationProperties("childguard.trafficking")
public record TraffickingSettings(@DefaultValue("SYT") String leadAgency, @DefaultValue("CA-TINH") String partnerAgency,
                                  @DefaultValue("SLDTBXH") String legacyLeadAgency,
                                  @DefaultValue("2025-07-01") LocalDate lawFrom,
                                  @DefaultValue("SNGV") String foreignAffairsAgency,
                                  @DefaultValue("3") int verificationDays,
                                  @DefaultValue({"1", "3", "6", "12"}) List<Integer> followUpMonths) {

    /** The lead agency assigned to a case received on the day. */
    public String leadOn(LocalDate day) {
        return day.isBefore(lawFrom) ? legacyLeadAgency : leadAgency;
    }
}
