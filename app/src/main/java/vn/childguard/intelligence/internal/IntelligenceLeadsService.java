package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intelligence.IntelligenceLeads;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.people.PersonRegister;
import vn.childguard.shared.crypto.DataCipher;

/**
 * A screening alert handed in as a lead: the person entity (found by register id, else created, owned
 * by the anti-trafficking unit), an EVENT entity for the alert, and a link between them whose source
 * is the alert, graded C3 until an analyst reviews it. Handing in the same alert again returns the
 * same entity.
 */
@Service
@Transactional
class IntelligenceLeadsService implements IntelligenceLeads {

    static final String SOURCE = "SCREENING_ALERT";

    private final IntelligenceStore store;
    private final IntelligenceService intelligence;
    private final IntelligencePolicy policy;
    private final OrganisationDirectory directory;
    private final ObjectProvider<PersonRegister> people;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    IntelligenceLeadsService(IntelligenceStore store, IntelligenceService intelligence, IntelligencePolicy policy,
                             OrganisationDirectory directory, ObjectProvider<PersonRegister> people, DataCipher cipher,
                             AuditLog audit, Clock clock) {
        this.store = store;
        this.intelligence = intelligence;
        this.policy = policy;
        this.directory = directory;
        this.people = people;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long leadFromScreeningAlert(String alertReference, Long personId, String fullName, String summary) {
        CurrentUser user = directory.currentUser().orElse(null);
        if (!policy.mayHandInLead(user)) {
            intelligence.deny(AuditLog.Actions.CREATE, IntelligenceService.ENTITY, null, "lead refused");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (alertReference == null || alertReference.isBlank() || alertReference.length() > 80) {
            errors.put("alertReference", "intelligence.error.required");
        }
        String name = fullName == null || fullName.isBlank() ? null : fullName.strip();
        if (name == null && personId != null) {
            name = people.getObject().label(personId).orElse(null);
        }
        if (name == null) {
            errors.put("fullName", "intelligence.error.required");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        Optional<IntelligenceStore.LinkRow> known = store.findLinkBySource(SOURCE, alertReference);
        if (known.isPresent()) {
            return known.get().fromId();
        }
        String owner = policy.leadUnit();
        String label = name;
        long person = (personId == null ? Optional.<IntelligenceStore.EntityRow>empty()
                : store.findPersonEntity(personId))
                .map(IntelligenceStore.EntityRow::id)
                .orElseGet(() -> intelligence.insert(new IntelligenceService.NewEntity("PERSON", label, List.of(), personId,
                        null, null, null, Map.of()), owner, user.username()));
        long event = intelligence.insert(new IntelligenceService.NewEntity("EVENT", "Cảnh báo sàng lọc "
                + alertReference, List.of(), null, null, null, null, summary == null || summary.isBlank()
                ? Map.of("alertReference", alertReference)
                : Map.of("alertReference", alertReference, "summary", summary)), owner, user.username());
        long link = store.insertLink(person, event, "TOOK_PART_IN", java.time.LocalDate.now(clock), SOURCE,
                alertReference, "C", "3", summary == null || summary.isBlank() ? null : cipher.encrypt(summary),
                user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, IntelligenceService.LINK, link, AuditEntry.Outcome.SUCCESS)
                .withDetails("lead from screening alert " + alertReference + ": entity " + person));
        return person;
    }
}
