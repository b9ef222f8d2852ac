package vn.childguard.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.childguard.intelligence.IntelligenceLeads;
import vn.childguard.intelligence.Watchlist;
import vn.childguard.intelligence.WatchlistEntry;

/**
 * Until the intelligence module's implementation is merged, the screening tests need a watchlist
 * with the demo broker and a lead hook. Test-only, lowest precedence: screening reads every
 * {@link Watchlist} bean and uses the first {@link IntelligenceLeads}, so the real ones win once present.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ScreeningTestIntelligence implements Watchlist, IntelligenceLeads {

    public static final WatchlistEntry BROKER = new WatchlistEntry(990001L, null, List.of("Nguyễn Văn Hùng"),
            List.of("1978-05-12"), "M", List.of("C1234567"), "VN", "HIGH", LocalDate.of(2099, 12, 31));

    public final List<String> leads = new CopyOnWriteArrayList<>();

    @Override
    public List<WatchlistEntry> activeEntries() {
        return List.of(BROKER);
    }

    @Override
    public long leadFromScreeningAlert(String alertReference, Long personId, String fullName, String summary) {
        leads.add(alertReference);
        return 880000L + leads.size();
    }
}
