package vn.childguard.screening.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.childguard.intelligence.Watchlist;
import vn.childguard.intelligence.WatchlistChanged;
import vn.childguard.intelligence.WatchlistEntry;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Identity;
import vn.childguard.matching.Match;
import vn.childguard.matching.MatchIndex;
import vn.childguard.matching.Sex;

/**
 * The matching index over the active watchlist: one identity per known name and birth date of an
 * entry, each with all its documents. Rebuilt on first use after a {@link WatchlistChanged}.
 */
@Component
public class WatchlistIndex {

    private static final Logger log = LoggerFactory.getLogger(WatchlistIndex.class);

    private final ObjectProvider<Watchlist> watchlists;
    private volatile MatchIndex index;
    private volatile boolean dirty = true;

    WatchlistIndex(ObjectProvider<Watchlist> watchlists) {
        this.watchlists = watchlists;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WatchlistChanged changed) {
        dirty = true;
    }

    /** Forces a rebuild at the next use (tests, and the admin after a bulk load). */
    public void invalidate() {
        dirty = true;
    }

    public MatchIndex index() {
        MatchIndex current = index;
        if (current != null && !dirty) {
            return current;
        }
        synchronized (this) {
            if (index == null || dirty) {
                dirty = false;
                List<WatchlistEntry> entries = new ArrayList<>();
                try {
                    watchlists.orderedStream().forEach(w -> entries.addAll(w.activeEntries()));
                } catch (RuntimeException e) {
                    log.warn("Watchlist could not be read, keeping the previous index: {}", e.getClass().getSimpleName());
                    dirty = true;
                    return index == null ? MatchIndex.build(List.of()) : index;
                }
                index = MatchIndex.build(identities(entries));
            }
            return index;
        }
    }

    /** One identity per name × birth date of each entry; ids are {@code entryId#n}. */
    public static List<Identity> identities(List<WatchlistEntry> entries) {
        List<Identity> out = new ArrayList<>();
        for (WatchlistEntry e : entries) {
            List<String> dates = e.birthDates().isEmpty() ? List.of("") : e.birthDates();
            Sex sex;
            try {
                sex = Sex.parse(e.sex());
            } catch (IllegalArgumentException ex) {
                sex = Sex.UNKNOWN;
            }
            int n = 0;
            for (String name : e.names()) {
                for (String date : dates) {
                    BirthDate birth;
                    try {
                        birth = BirthDate.parse(date);
                    } catch (IllegalArgumentException ex) {
                        birth = BirthDate.UNKNOWN;
                    }
                    out.add(new Identity(e.id() + "#" + n++, name, birth, sex, e.documents(), e.nationality()));
                }
            }
        }
        return out;
    }

    /** Alerting watchlist candidates, one per entry (its best identity), best first. */
    public static List<ScreeningRules.Candidate> candidates(MatchIndex index, Identity who, double threshold) {
        if (index.size() == 0) {
            return List.of();
        }
        Map<String, ScreeningRules.Candidate> best = new LinkedHashMap<>();
        for (Match m : index.match(who, threshold)) {
            String entryId = m.entryId().substring(0, m.entryId().indexOf('#'));
            best.putIfAbsent(entryId, new ScreeningRules.Candidate("WATCHLIST", entryId, entryId, m.score(), m.reasonsText()));
        }
        return List.copyOf(best.values());
    }
}
