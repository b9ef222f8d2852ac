package vn.childguard.trafficking.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.people.PersonDataHolder;
import vn.childguard.shared.crypto.DataCipher;

/**
 * The trafficking cases of a person (as the victim or presumed victim) with their case data, plan,
 * support decided and delivered, repatriation steps, follow-ups and notes, for the person's data request.
 * Identification evidence and referral reasons stay out: they describe the offence and the offenders.
 */
@Component
class TraffickingPersonData implements PersonDataHolder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TraffickingStore store;
    private final DataCipher cipher;

    TraffickingPersonData(TraffickingStore store, DataCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public String module() {
        return "trafficking";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> recordsAbout(long personId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TraffickingStore.CaseRow c : store.casesOfPerson(personId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", c.reference());
            m.put("status", c.status().name());
            m.put("leadAgency", c.leadAgencyCode());
            m.put("unitCode", c.unitCode());
            m.put("countryCode", c.countryCode());
            m.put("abroad", c.abroad());
            m.put("birthDate", cipher.decrypt(c.birthDate()));
            m.put("exploitedOn", c.exploitedOn() == null ? null : c.exploitedOn().toString());
            m.put("reportedAt", String.valueOf(c.reportedAt()));
            m.put("identifiedAt", c.identifiedAt() == null ? null : c.identifiedAt().toString());
            m.put("closedAt", c.closedAt() == null ? null : c.closedAt().toString());
            m.put("caseData", decode(c.caseData()));
            m.put("plan", decode(c.planData()));
            m.put("support", store.support(c.id()).stream().map(s -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("benefit", s.benefit());
                row.put("state", s.state());
                row.put("decidedOn", s.decidedOn() == null ? null : s.decidedOn().toString());
                row.put("reason", cipher.decrypt(s.reason()));
                return row;
            }).toList());
            m.put("deliveries", store.deliveries(c.id()).stream().map(d -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("benefit", d.benefit());
                row.put("provider", d.provider());
                row.put("deliveredOn", String.valueOf(d.deliveredOn()));
                row.put("amountVnd", d.amountVnd());
                return row;
            }).toList());
            m.put("repatriation", store.steps(c.id()).stream().map(s -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", s.step());
                row.put("status", s.status());
                row.put("date", s.date() == null ? null : s.date().toString());
                row.put("details", decode(s.details()));
                return row;
            }).toList());
            m.put("followUps", store.followUps(c.id()).stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", f.monthNo());
                row.put("dueOn", String.valueOf(f.dueOn()));
                row.put("doneOn", f.doneOn() == null ? null : f.doneOn().toString());
                row.put("outcome", f.outcome());
                row.put("note", cipher.decrypt(f.note()));
                return row;
            }).toList());
            m.put("notes", store.notes(c.id()).stream().map(n -> Map.<String, Object>of("at", String.valueOf(n.at()),
                    "text", String.valueOf(cipher.decrypt(n.body())))).toList());
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> decode(String encrypted) {
        if (encrypted == null) {
            return Map.of();
        }
        return JSON.readValue(cipher.decrypt(encrypted), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
