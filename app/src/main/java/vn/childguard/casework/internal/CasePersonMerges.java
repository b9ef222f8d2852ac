package vn.childguard.casework.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.people.PersonMerged;

/**
 * Re-points cases and consents when a duplicate is merged into its survivor, in the merge's own
 * transaction: those who may read a case keep reading its child (through {@link CasePersonAccess}),
 * and consents keep naming who gave them.
 */
@Component
class CasePersonMerges {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    CasePersonMerges(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void merged(PersonMerged event) {
        int moved = jdbc.update("update cp_case set child_person_id = ?, version = version + 1 where child_person_id = ?", event.survivorId(),
                event.mergedId());
        moved += jdbc.update("update consent set person_id = ? where person_id = ?", event.survivorId(),
                event.mergedId());
        if (moved > 0) {
            audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "cp_case", null, AuditEntry.Outcome.SUCCESS)
                    .withDetails("person " + event.mergedId() + " merged into " + event.survivorId() + ": " + moved));
        }
    }
}
