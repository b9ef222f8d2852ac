package vn.childguard.shared.retention;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a module tells the retention module about one type of record it owns, so that retention never
 * reads another module's tables: which records' retention period starts when (their trigger date), how
 * to anonymise or delete one, and which people they name. Implemented in each owning module's
 * {@code internal} package; the retention module finds the implementations as Spring beans.
 */
public interface RetainedRecords {

    /** The record type, as in the schedule (e.g. {@code CP_CASE_CLOSED}). */
    String recordType();

    /** The actions this record type supports; a schedule with another action is refused. */
    Set<RetentionAction> actions();

    /**
     * Records not yet anonymised or deleted whose trigger date is in {@code [from, to)}; a null
     * {@code from} means from the beginning.
     */
    List<Candidate> triggeredBetween(Instant from, Instant to);

    /**
     * Applies {@code action} to the record in the caller's transaction and returns the register people it
     * named; a record already anonymised or deleted is left as it is (empty set).
     */
    Set<Long> apply(RetentionAction action, long id);

    /** Whether a record of this type not yet anonymised or deleted still names the person. */
    boolean namesPerson(long personId);

    /** A record and the date its retention period starts from. */
    record Candidate(long id, Instant triggeredAt) {
    }
}
