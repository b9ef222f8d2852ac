package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intake.IntakeReports;
import vn.childguard.shared.CommuneOutlines;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.trafficking.TraffickingFigures;

/**
 * Hotspots: the province's communes ranked by victims originating there (trafficking cases), known
 * recruiters living there (person entities with a RECRUITED link), criminal proceedings about facts
 * there and reports received about it in the last 12 months (intake, every channel), weighted
 * 3:2:1:1, on the commune map drawn server-side. Screening alerts are not counted: travel records
 * carry no commune.
 */
@Service
public class HotspotService {


    public record Hotspot(int rank, String code, String name, long victims, long recruiters, long proceedings,
                          long reports, long score) {
    }

    public record Hotspots(List<Hotspot> ranking, String svg) {
    }

    private final IntelligenceService intelligence;
    private final IntelligenceStore store;
    private final ProceedingService proceedings;
    private final ObjectProvider<TraffickingFigures> trafficking;
    private final ObjectProvider<IntakeReports> intake;
    private final Clock clock;
    private final MessageSource messages;
    private final AuditLog audit;
    private volatile CommuneMap map;

    HotspotService(IntelligenceService intelligence, IntelligenceStore store, ProceedingService proceedings,
                   ObjectProvider<TraffickingFigures> trafficking, ObjectProvider<IntakeReports> intake,
                   MessageSource messages, AuditLog audit, Clock clock) {
        this.intelligence = intelligence;
        this.store = store;
        this.proceedings = proceedings;
        this.trafficking = trafficking;
        this.intake = intake;
        this.clock = clock;
        this.messages = messages;
        this.audit = audit;
    }

    CommuneMap map() {
        if (map == null) {
            map = CommuneMap.tayNinh();
        }
        return map;
    }

    public Hotspots hotspots(CurrentUser user, Locale locale) {
        intelligence.requireOfficer(user, AuditLog.Actions.READ, "intel_hotspot", null);
        Map<String, Long> victims = trafficking.getIfAvailable(() -> Map::of).victimsByCommune();
        Map<String, Long> recruiters = store.recruitersByCommune();
        Map<String, Long> cases = proceedings.byCommune();
        IntakeReports intakeReports = intake.getIfAvailable();
        Map<String, Long> reports = intakeReports == null ? Map.of()
                : intakeReports.countsByCommune(LocalDate.now(clock).minusMonths(12));
        List<Hotspot> rows = new ArrayList<>();
        Map<String, Long> scores = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (CommuneOutlines.Outline c : map().communes()) {
            long v = victims.getOrDefault(c.code(), 0L);
            long r = recruiters.getOrDefault(c.code(), 0L);
            long p = cases.getOrDefault(c.code(), 0L);
            long reported = reports.getOrDefault(c.code(), 0L);
            long score = 3 * v + 2 * r + p + reported;
            scores.put(c.code(), score);
            titles.put(c.code(), messages.getMessage("intelligence.hotspots.tooltip",
                    new Object[]{c.name(), v, r, p, reported}, locale));
            rows.add(new Hotspot(0, c.code(), c.name(), v, r, p, reported, score));
        }
        rows.sort(Comparator.comparingLong(Hotspot::score).reversed().thenComparing(Hotspot::name));
        List<Hotspot> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Hotspot h = rows.get(i);
            ranked.add(new Hotspot(i + 1, h.code(), h.name(), h.victims(), h.recruiters(), h.proceedings(), h.reports(),
                    h.score()));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "intel_hotspot", null, AuditEntry.Outcome.SUCCESS));
        return new Hotspots(ranked, map().svg(scores, titles,
                messages.getMessage("intelligence.hotspots.mapLabel", null, locale)));
    }
}
