package vn.childguard.intake.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.people.PersonMerged;

/**
 * Re-points the people reports name when a duplicate is merged into its survivor, in the merge's own
 * transaction: the agencies of a report keep their stake in the person (through {@link IntakePersonAccess})
 * and a report never names the same person twice in the same part.
 */
@Component
class IntakePersonMerges {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    IntakePersonMerges(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void merged(PersonMerged event) {
        jdbc.update("delete from intake_person where person_id = ? and exists (select 1 from intake_person o "
                + "where o.intake_id = intake_person.intake_id and o.part = intake_person.part and o.person_id = ?)",
                event.mergedId(), event.survivorId());
        int moved = jdbc.update("update intake_person set person_id = ? where person_id = ?", event.survivorId(),
                event.mergedId());
        if (moved > 0) {
            audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "intake_person", null, AuditEntry.Outcome.SUCCESS)
                    .withDetails("person " + event.mergedId() + " merged into " + event.survivorId() + ": " + moved));
        }
    }
}
