package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intelligence.Watchlist;
import vn.childguard.intelligence.WatchlistChanged;
import vn.childguard.intelligence.WatchlistEntry;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.crypto.DataCipher;

/**
 * The watchlist: every known name, birth date and document of a person, why (reason and legal basis:
 * decision number and date), who approved, until when, and the alert level. Expiry is enforced —
 * {@link #activeEntries()} leaves out entries past their date — and every change publishes
 * {@link WatchlistChanged} inside the transaction, so screening reloads its index once it commits.
 */
@Service
@Transactional
public class WatchlistService implements Watchlist {

    static final String ENTRY = "intel_watchlist_entry";
    static final Set<String> LEVELS = Set.of("HIGH", "MEDIUM", "LOW");

    /** What an officer enters (lists one item each; dates {@code YYYY-MM-DD} or {@code YYYY}). */
    public record EntryForm(Long entityId, List<String> names, List<String> birthDates, String sex,
                            List<String> documents, String nationality, String reason, String decisionNumber,
                            LocalDate decisionDate, String approvedBy, LocalDate validUntil, String alertLevel) {

        public EntryForm {
            names = clean(names);
            birthDates = clean(birthDates);
            documents = clean(documents);
        }

        private static List<String> clean(List<String> items) {
            return items == null ? List.of() : items.stream().filter(s -> s != null && !s.isBlank())
                    .map(String::strip).distinct().toList();
        }
    }

    /** An entry as officers see it. */
    public record EntryView(long id, Long entityId, Long personId, List<String> names, List<String> birthDates,
                            String sex, List<String> documents, String nationality, String reason,
                            String decisionNumber, LocalDate decisionDate, String approvedBy, LocalDate validUntil,
                            String alertLevel, String owner, String ownerAgency, boolean active, String removalReason) {
    }

    public record ReminderView(long entryId, String name, LocalDate validUntil) {
    }

    private final WatchlistStore store;
    private final IntelligenceStore entities;
    private final IntelligenceService intelligence;
    private final IntelligencePolicy policy;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WatchlistService(WatchlistStore store, IntelligenceStore entities, IntelligenceService intelligence,
                     IntelligencePolicy policy, DataCipher cipher, AuditLog audit, ApplicationEventPublisher events,
                     Clock clock) {
        this.store = store;
        this.entities = entities;
        this.intelligence = intelligence;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WatchlistEntry> activeEntries() {
        return store.activeOn(LocalDate.now(clock)).stream()
                .map(r -> new WatchlistEntry(r.id(), r.personId(), list(r.names()), list(r.birthDates()), r.sex(),
                        list(r.documents()), r.nationality(), r.alertLevel(), r.validUntil()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<EntryView> list(CurrentUser user) {
        intelligence.requireOfficer(user, AuditLog.Actions.READ, ENTRY, null);
        List<EntryView> views = store.all(policy.seesAll(user) ? null : user.agencyCode()).stream().map(this::view)
                .toList();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTRY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("watchlist: " + views.size() + " entr(ies)"));
        return views;
    }

    public EntryView entry(CurrentUser user, long id) {
        WatchlistStore.EntryRow row = visible(user, id, AuditLog.Actions.READ);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTRY, id, AuditEntry.Outcome.SUCCESS));
        return view(row);
    }

    public long add(CurrentUser user, EntryForm form) {
        intelligence.requireOfficer(user, AuditLog.Actions.CREATE, ENTRY, null);
        WatchlistStore.Values values = values(user, form);
        long id = store.insert(values, user.username(), user.agencyCode(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTRY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("decision " + form.decisionNumber() + ", until " + form.validUntil()));
        events.publishEvent(new WatchlistChanged(id));
        return id;
    }

    public void update(CurrentUser user, long id, EntryForm form) {
        WatchlistStore.EntryRow row = visible(user, id, AuditLog.Actions.UPDATE);
        if (row.removedAt() != null) {
            throw new IntelligenceRuleException("intelligence.watchlist.error.removed");
        }
        store.update(id, values(user, form), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTRY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("until " + form.validUntil()));
        events.publishEvent(new WatchlistChanged(id));
    }

    public void remove(CurrentUser user, long id, String reason) {
        visible(user, id, AuditLog.Actions.UPDATE);
        if (reason == null || reason.isBlank()) {
            throw new IntelligenceRuleException.Invalid(Map.of("reason", "intelligence.error.required"));
        }
        if (store.remove(id, cipher.encrypt(reason.strip()), clock.instant()) == 0) {
            throw new IntelligenceRuleException("intelligence.watchlist.error.removed");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTRY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("removed"));
        events.publishEvent(new WatchlistChanged(id));
    }

    /** The user's unseen reminders of entries about to expire. */
    @Transactional(readOnly = true)
    public List<ReminderView> reminders(CurrentUser user) {
        return store.reminders(user.username()).stream().map(r -> store.find(r.entryId())
                .map(e -> new ReminderView(e.id(), list(e.names()).getFirst(), e.validUntil())).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The daily run: reminds each owner of entries expiring within {@code daysBefore} days (once per
     * entry and expiry date) and announces entries that expired since the last run.
     *
     * @return how many reminders were created
     */
    public int remindAndExpire(LocalDate today, int daysBefore) {
        Instant now = clock.instant();
        int reminded = 0;
        for (WatchlistStore.EntryRow row : store.expiringUnreminded(today, today.plusDays(daysBefore))) {
            store.insertReminder(row.owner(), row.id(), row.validUntil(), now);
            store.markReminded(row.id(), today);
            audit.record(new AuditEntry("system", null, "REMIND", ENTRY, String.valueOf(row.id()), null,
                    AuditEntry.Outcome.SUCCESS, null, "expires " + row.validUntil() + ", owner reminded"));
            reminded++;
        }
        for (long id : store.expiredUnpublished(today)) {
            store.markExpiryPublished(id);
            audit.record(new AuditEntry("system", null, AuditLog.Actions.UPDATE, ENTRY, String.valueOf(id), null,
                    AuditEntry.Outcome.SUCCESS, null, "expired"));
            events.publishEvent(new WatchlistChanged(id));
        }
        return reminded;
    }

    /** For the demo data: an entry recorded on behalf of an officer, unless its decision is already known. */
    long addAs(String owner, String ownerAgency, EntryForm form) {
        if (store.decisionKnown(form.decisionNumber())) {
            return -1;
        }
        WatchlistStore.Values values = values(null, form);
        long id = store.insert(values, owner, ownerAgency, clock.instant());
        events.publishEvent(new WatchlistChanged(id));
        return id;
    }

    private WatchlistStore.EntryRow visible(CurrentUser user, long id, String action) {
        intelligence.requireOfficer(user, action, ENTRY, id);
        WatchlistStore.EntryRow row = store.find(id).orElseThrow(NoSuchElementException::new);
        if (!policy.seesAll(user) && !row.ownerAgency().equals(user.agencyCode())) {
            intelligence.deny(action, ENTRY, id, "not the unit's entry");
        }
        return row;
    }

    private WatchlistStore.Values values(CurrentUser user, EntryForm form) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.names().isEmpty()) {
            errors.put("names", "intelligence.error.required");
        }
        for (String date : form.birthDates()) {
            if (!date.matches("\\d{4}(-\\d{2}-\\d{2})?") || (date.length() == 10 && !validDate(date))) {
                errors.put("birthDates", "intelligence.watchlist.error.birthDate");
            }
        }
        if (form.sex() != null && !form.sex().isBlank() && !Set.of("M", "F").contains(form.sex())) {
            errors.put("sex", "intelligence.watchlist.error.sex");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            errors.put("reason", "intelligence.error.required");
        }
        if (form.decisionNumber() == null || form.decisionNumber().isBlank()) {
            errors.put("decisionNumber", "intelligence.error.required");
        } else if (form.decisionNumber().length() > 60) {
            errors.put("decisionNumber", "intelligence.error.tooLong");
        }
        if (form.decisionDate() == null) {
            errors.put("decisionDate", "intelligence.error.required");
        } else if (form.decisionDate().isAfter(today)) {
            errors.put("decisionDate", "intelligence.error.future");
        }
        if (form.approvedBy() == null || form.approvedBy().isBlank()) {
            errors.put("approvedBy", "intelligence.error.required");
        }
        if (form.validUntil() == null) {
            errors.put("validUntil", "intelligence.error.required");
        } else if (form.validUntil().isBefore(today)) {
            errors.put("validUntil", "intelligence.watchlist.error.validUntil");
        }
        if (form.alertLevel() == null || !LEVELS.contains(form.alertLevel())) {
            errors.put("alertLevel", "intelligence.watchlist.error.alertLevel");
        }
        Long personId = null;
        if (form.entityId() != null) {
            IntelligenceStore.EntityRow entity = entities.findEntity(form.entityId()).orElse(null);
            if (entity == null || !"PERSON".equals(entity.kind())
                    || (user != null && !policy.canSee(user, entity))) {
                errors.put("entityId", "intelligence.watchlist.error.entity");
            } else {
                personId = entity.personId();
            }
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        return new WatchlistStore.Values(form.entityId(), personId, enc(form.names()), enc(form.birthDates()),
                form.sex() == null || form.sex().isBlank() ? null : form.sex(), enc(form.documents()),
                IntelligenceService.blankToNull(form.nationality()), cipher.encrypt(form.reason().strip()),
                form.decisionNumber().strip(), form.decisionDate(), form.approvedBy().strip(), form.validUntil(),
                form.alertLevel());
    }

    private static boolean validDate(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private EntryView view(WatchlistStore.EntryRow r) {
        return new EntryView(r.id(), r.entityId(), r.personId(), list(r.names()), list(r.birthDates()), r.sex(),
                list(r.documents()), r.nationality(), cipher.decrypt(r.reason()), r.decisionNumber(), r.decisionDate(),
                r.approvedBy(), r.validUntil(), r.alertLevel(), r.owner(), r.ownerAgency(),
                r.removedAt() == null && !r.validUntil().isBefore(LocalDate.now(clock)),
                r.removalReason() == null ? null : cipher.decrypt(r.removalReason()));
    }

    private String enc(List<String> items) {
        return items.isEmpty() ? null : cipher.encrypt(String.join("\n", items));
    }

    private List<String> list(String stored) {
        return stored == null ? List.of() : Arrays.asList(cipher.decrypt(stored).split("\n"));
    }
}
