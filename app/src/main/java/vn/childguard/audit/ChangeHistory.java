package vn.childguard.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who changed an audited (Envers) entity, when, and what it looked like after each change. Any
 * module may ask for the history of its own entities by class; auditors reach a small whitelist of
 * entities by their JPA entity name, so the audit module never needs another module's classes.
 */
public interface ChangeHistory {

    /** How a revision touched the entity. */
    enum Type { ADD, MOD, DEL }

    /**
     * One revision of one entity: its audited property values as stored in the {@code *_aud} row
     * (in declaration order), and the names of those that differ from the previous revision.
     */
    record Revision(int number, Instant at, String username, Type type, Map<String, String> values,
                    Set<String> changed) {
    }

    /** The revisions of an entity, oldest first; empty when it has none. */
    List<Revision> of(Class<?> entityType, Object id);

    /**
     * The revisions of an entity named by its JPA entity name, oldest first; empty when the name is
     * not one auditors may browse or the id is not of the entity's id type.
     */
    Optional<List<Revision>> of(String entityName, String id);

    /** The JPA entity names auditors may browse. */
    Set<String> browsable();
}
