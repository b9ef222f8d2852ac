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
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.intelligence.IntelligenceLeads;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.people.PersonRegister;
import vn.childguard.shared.VietnameseText;
import vn.childguard.shared.crypto.DataCipher;

/**
 * A screening alert handed in as a lead: the person entity (found through the watchlist entry, the
 * register id or name and birth date/document, else created, owned by the anti-trafficking unit), an EVENT entity for the alert, and a link between them whose source
 * is the alert, graded C3 until an analyst reviews it. Handing in the same alert again returns the
 * same entity.
 */
@Service
@Transactional
public class IntelligenceLeadsService implements IntelligenceLeads {

    static final String SOURCE = "SCREENING_ALERT";
    /** How many of the most recent person entities a lead is compared with by name. */
    private static final int NAME_SCAN = 5000;

    private final IntelligenceStore store;
    private final WatchlistStore watchlist;
    private final IntelligenceService intelligence;
    private final IntelligencePolicy policy;
    private final OrganisationDirectory directory;
    private final ObjectProvider<PersonRegister> people;
    private final ObjectProvider<ChildProtectionCases> cases;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    IntelligenceLeadsService(IntelligenceStore store, WatchlistStore watchlist, IntelligenceService intelligence, IntelligencePolicy policy,
                             OrganisationDirectory directory, ObjectProvider<PersonRegister> people,
                             ObjectProvider<ChildProtectionCases> cases, DataCipher cipher,
                             AuditLog audit, Clock clock) {
        this.store = store;
        this.watchlist = watchlist;
        this.intelligence = intelligence;
        this.policy = policy;
        this.directory = directory;
        this.people = people;
        this.cases = cases;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long leadFromScreeningAlert(ScreeningLead lead) {
        CurrentUser user = directory.currentUser().orElse(null);
        if (!policy.mayHandInLead(user)) {
            intelligence.deny(AuditLog.Actions.CREATE, IntelligenceService.ENTITY, null, "lead refused");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String reference = lead.alertReference();
        if (reference == null || reference.isBlank() || reference.length() > 80) {
            errors.put("alertReference", "intelligence.error.required");
        }
        String name = lead.fullName() == null || lead.fullName().isBlank() ? null : lead.fullName().strip();
        if (name == null && lead.personId() != null) {
            name = people.getObject().label(lead.personId()).orElse(null);
        }
        if (name == null) {
            errors.put("fullName", "intelligence.error.required");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        Optional<IntelligenceStore.LinkRow> known = store.findLinkBySource(SOURCE, reference);
        if (known.isPresent()) {
            return known.get().fromId();
        }
        String owner = policy.leadUnit();
        String label = name;
        String summary = lead.summary();
        long person = knownEntity(lead, name).orElseGet(() -> intelligence.insert(new IntelligenceService.NewEntity(
                "PERSON", label, List.of(), lead.personId(), null, null, null, Map.of()), owner, user.username()));
        long event = intelligence.insert(new IntelligenceService.NewEntity("EVENT", "Cảnh báo sàng lọc "
                + reference, List.of(), null, null, null, null, summary == null || summary.isBlank()
                ? Map.of("alertReference", reference)
                : Map.of("alertReference", reference, "summary", summary)), owner, user.username());
        long link = store.insertLink(person, event, "TOOK_PART_IN", java.time.LocalDate.now(clock), SOURCE,
                reference, "C", "3", summary == null || summary.isBlank() ? null : cipher.encrypt(summary),
                user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, IntelligenceService.LINK, link, AuditEntry.Outcome.SUCCESS)
                .withDetails("lead from screening alert " + reference + ": entity " + person));
        return person;
    }

    /**
     * The person entity of a child-protection case's child, for an intelligence officer whose unit
     * the case worker shared the child's identity with (a referral with the consents the law asks for,
     * or a recorded legal basis — casework decides and audits): the child's existing entity, or a new
     * one linked to the register person, owned by the officer's unit. Returns the entity id.
     */
    public long fromChildProtectionCase(CurrentUser user, long caseId) {
        intelligence.requireOfficer(user, AuditLog.Actions.CREATE, IntelligenceService.ENTITY, null);
        Long child = cases.getObject().childSharedWithCurrentUser(caseId).orElse(null);
        String label = child == null ? null : people.getObject().label(child).orElse(null);
        if (label == null) {
            throw new IntelligenceRuleException.Invalid(Map.of("caseId", "intelligence.error.caseNotShared"));
        }
        long entity = store.findPersonEntity(child).map(IntelligenceStore.EntityRow::id)
                .orElseGet(() -> intelligence.insert(new IntelligenceService.NewEntity("PERSON", label, List.of(), child,
                        null, null, null, Map.of("sourceCase", cases.getObject().reference(caseId).orElse(""))),
                        user.agencyCode(), user.username()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, IntelligenceService.ENTITY, entity, AuditEntry.Outcome.SUCCESS)
                .withDetails("from child-protection case " + caseId));
        return entity;
    }

    /**
     * The person entity the traveller already is: the watchlist entry's, the register person's, or
     * one with the same folded name (label or alias) and the same birth date or document. A name
     * alone never decides — namesakes are common.
     */
    private Optional<Long> knownEntity(ScreeningLead lead, String name) {
        Optional<Long> listed = Optional.ofNullable(lead.watchlistEntryId()).flatMap(watchlist::find)
                .map(WatchlistStore.EntryRow::entityId);
        if (listed.isPresent()) {
            return listed;
        }
        if (lead.personId() != null) {
            Optional<Long> registered = store.findPersonEntity(lead.personId()).map(IntelligenceStore.EntityRow::id);
            if (registered.isPresent()) {
                return registered;
            }
        }
        String folded = VietnameseText.fold(name);
        for (IntelligenceStore.EntityRow row : store.recentEntities(null, "PERSON", NAME_SCAN)) {
            List<String> names = new java.util.ArrayList<>(intelligence.aliases(row));
            names.add(intelligence.label(row));
            if (names.stream().noneMatch(n -> VietnameseText.fold(n).equals(folded))) {
                continue;
            }
            Map<String, String> attributes = intelligence.attributes(row);
            boolean sameBirth = lead.birthDate() != null && lead.birthDate().equals(attributes.get("birthDate"));
            boolean sameDocument = lead.documentNumber() != null && !lead.documentNumber().isBlank()
                    && attributes.containsValue(lead.documentNumber().strip());
            if (sameBirth || sameDocument) {
                return Optional.of(row.id());
            }
        }
        return Optional.empty();
    }
}
