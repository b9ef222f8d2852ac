package vn.childguard.intelligence;

/** Published after an entry is added, changed, expired or removed; screening reloads its index. */
public record WatchlistChanged(long entryId) {
}
