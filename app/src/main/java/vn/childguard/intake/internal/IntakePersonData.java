package vn.childguard.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.people.PersonDataHolder;

/**
 * The reports that name a person, for their data request. Left out by law: who reported (Law on
 * Children Art. 54 protects the reporter) and the other people named; and a report naming the person as
 * the alleged abuser, which is crime data held for the child's protection (Law 91/2025 lets it be
 * withheld, and telling the suspect would put the child at risk).
 */
@Component
class IntakePersonData implements PersonDataHolder {

    static final String ALLEGED_ABUSER = "ALLEGED_ABUSER";

    private final IntakeService intakes;

    IntakePersonData(IntakeService intakes) {
        this.intakes = intakes;
    }

    @Override
    public String module() {
        return "intake";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> recordsAbout(long personId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IntakeRecord r : intakes.naming(personId)) {
            List<String> parts = r.involved().stream().filter(i -> i.personId() == personId)
                    .map(IntakeSummary.Involved::part).toList();
            if (parts.contains(ALLEGED_ABUSER)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", r.reference());
            m.put("part", String.join(",", parts));
            m.put("channel", r.channel());
            m.put("receivedAt", String.valueOf(r.receivedAt()));
            m.put("occurredOn", r.occurredOn() == null ? null : r.occurredOn().toString());
            m.put("unitCode", r.unitCode());
            m.put("place", r.place());
            m.put("narrative", r.narrative());
            m.put("urgency", r.urgency().name());
            m.put("status", r.status().name());
            m.put("routedAgency", r.routedAgencyCode());
            out.add(m);
        }
        return out;
    }
}
