package vn.childguard.people.internal;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.matching.Identity;
import vn.childguard.matching.MatchIndex;

/**
 * The in-memory matching index of every person not merged away. It is built from the database on
 * first use, replaced with {@link MatchIndex#withChanges} after this node's registrations and merges
 * commit, and rebuilt when the table no longer has the state the index was made from (another node
 * wrote to it): the state is {@code (count, sum of versions)}, which every insert or update changes.
 */
@Component
class PersonIndex {

    /** Table state the index reflects. */
    record Stamp(long count, long versions) {
        Stamp plus(long addedRows, long addedVersions) {
            return new Stamp(count + addedRows, versions + addedVersions);
        }
    }

    private record Snapshot(MatchIndex index, Stamp stamp) {
    }

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    PersonIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Stamp currentStamp() {
        return jdbc.queryForObject("select count(*), coalesce(sum(version), 0) from person",
                (rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)));
    }

    /** The index, rebuilt with {@code loader} (all non-merged identities) if the table changed elsewhere. */
    MatchIndex index(Supplier<List<Identity>> loader) {
        Snapshot s = snapshot;
        Stamp now = currentStamp();
        if (s != null && s.stamp().equals(now)) {
            return s.index();
        }
        synchronized (this) {
            s = snapshot;
            now = currentStamp();
            if (s == null || !s.stamp().equals(now)) {
                s = new Snapshot(MatchIndex.build(loader.get()), now);
                snapshot = s;
            }
            return s.index();
        }
    }

    /**
     * Applies a change this node committed. {@code rows} and {@code versions} are what the change
     * added to the table's stamp: if another node wrote meanwhile, the stamp no longer matches the
     * table and the next use rebuilds the index from the database.
     */
    synchronized void applied(Collection<Identity> added, Collection<String> removed, long rows, long versions) {
        Snapshot s = snapshot;
        if (s == null) {
            return;
        }
        MatchIndex next = added.isEmpty() && removed.isEmpty() ? s.index() : s.index().withChanges(added, removed);
        snapshot = new Snapshot(next, s.stamp().plus(rows, versions));
    }

    /** Forgets the index, so the next use rebuilds it (tests, administration). */
    synchronized void invalidate() {
        snapshot = null;
    }
}
