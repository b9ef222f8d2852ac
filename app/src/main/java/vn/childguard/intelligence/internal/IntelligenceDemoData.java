package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (profile {@code demo}): a small ring around the broker Nguyễn Văn Hùng (born 1978-05-12,
 * passport C1234567), who is on the watchlist — the screening journey expects to match him when his
 * name is written {@code NGUYEN VAN HUNG} — a recruiter linked to a child victim, and the escort
 * Phạm Văn Long (born 1980-09-14), known from open sources but not watchlisted.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
class IntelligenceDemoData implements ApplicationRunner {

    static final String DECISION = "125/QĐ-PC02";
    private static final Logger log = LoggerFactory.getLogger(IntelligenceDemoData.class);

    private final IntelligenceService intelligence;
    private final IntelligenceStore store;
    private final WatchlistService watchlist;
    private final WatchlistStore entries;
    private final IntelligenceSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IntelligenceDemoData(IntelligenceService intelligence, IntelligenceStore store, WatchlistService watchlist,
                         WatchlistStore entries, IntelligenceSettings settings, TransactionTemplate transactions, Clock clock) {
        this.intelligence = intelligence;
        this.store = store;
        this.watchlist = watchlist;
        this.entries = entries;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (entries.decisionKnown(DECISION)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            String unit = settings.leadUnit();
            String officer = "police.officer";
            LocalDate today = LocalDate.now(clock);
            long hung = entity("PERSON", "Nguyễn Văn Hùng", List.of("Hùng \"Nga\"", "NGUYEN VAN HUNG"), "25486",
                    Map.of("birthDate", "1978-05-12", "passport", "C1234567"));
            watchlist.addAs(officer, unit, new WatchlistService.EntryForm(hung, List.of("Nguyễn Văn Hùng",
                    "NGUYEN VAN HUNG", "Hùng Nga"), List.of("1978-05-12"), "M", List.of("C1234567"), "VN",
                    "Môi giới đưa người sang châu Âu trái phép, nghi vấn thuộc đường dây mua bán người", DECISION,
                    today.minusMonths(2), "Đại tá Trưởng phòng PC02", today.plusYears(1), "HIGH"));
            long ring = entity("RING", "Đường dây Tân Biên – Moskva – London", List.of(), null, Map.of());
            long recruiter = entity("PERSON", "Trần Văn Tài", List.of("Tài Xoăn"), "25486", Map.of());
            long victim = entity("PERSON", "Nạn nhân N.T.A. (sinh 2011)", List.of(), "25486", Map.of());
            long phone = entity("PHONE", "+84 912 345 678", List.of(), null, Map.of());
            long agency = entity("ORGANISATION", "Công ty TNHH Du lịch Ánh Dương", List.of(), "25486",
                    Map.of("details", "Công ty du lịch, nghi là bình phong môi giới"));
            long route = entity("ROUTE", "Tân Biên → Moskva → Paris → London", List.of(), "25486",
                    Map.of("origin", "25486", "transit", "RU, FR", "destination", "GB", "mode", "AIR+LORRY",
                            "modusOperandi", "Visa du lịch Nga, xe tải qua Pháp"));
            // the escort who takes a different child across Mộc Bài every few weeks (ExitDayGenerator's pattern)
            long escort = entity("PERSON", "Phạm Văn Long", List.of("Long \"Campuchia\""), "25486",
                    Map.of("birthDate", "1980-09-14", "passport", "C7654321"));
            LocalDate seen = today.minusMonths(3);
            link(escort, agency, "WORKS_FOR", seen, "OPEN_SOURCE", "C", "3");
            link(hung, ring, "MEMBER_OF", seen, "INTERROGATION", "B", "2");
            link(recruiter, ring, "MEMBER_OF", seen, "REPORT", "C", "3");
            link(recruiter, victim, "RECRUITED", seen.plusDays(10), "CASE", "B", "2");
            link(hung, phone, "USES", seen, "OPEN_SOURCE", "C", "3");
            link(recruiter, phone, "CALLED", seen.plusDays(3), "REPORT", "B", "3");
            link(hung, agency, "WORKS_FOR", seen, "OPEN_SOURCE", "B", "2");
            link(ring, route, "USES", seen, "INTERROGATION", "B", "2");
            log.info("Recorded the demo intelligence network and watchlist entry");
        });
    }

    private long entity(String kind, String label, List<String> aliases, String unit, Map<String, String> attrs) {
        return intelligence.insert(new IntelligenceService.NewEntity(kind, label, aliases, null, unit, null, null, attrs),
                settings.leadUnit(), "police.officer");
    }

    private void link(long from, long to, String type, LocalDate on, String source, String reliability,
                      String credibility) {
        store.insertLink(from, to, type, on, source, "DEMO", reliability, credibility, null, "police.officer",
                clock.instant());
    }
}
