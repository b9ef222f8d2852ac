package vn.childguard.intelligence;

import java.util.List;

/** The watchlist as screening reads it: only entries valid today (expired entries stop matching). */
public interface Watchlist {

    List<WatchlistEntry> activeEntries();
}
