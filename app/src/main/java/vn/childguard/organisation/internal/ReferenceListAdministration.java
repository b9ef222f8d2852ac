package vn.childguard.organisation.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.VietnameseText;

/**
 * The administrator's work on code lists (countries, border gates, holidays...): browse, add, edit,
 * disable and enable items. Which lists exist is whatever the reference data loaded; items are never
 * deleted, because cases and reports keep their codes.
 */
@Service
public class ReferenceListAdministration {

    /** What an administrator may set on an item (the list and code are fixed at creation). */
    public record ItemData(String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo) {
    }

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ReferenceItemRepository items;
    private final AdminGuard guard;
    private final HolidayCalendar holidays;

    ReferenceListAdministration(ReferenceItemRepository items, AdminGuard guard, HolidayCalendar holidays) {
        this.items = items;
        this.holidays = holidays;
        this.guard = guard;
    }

    @Transactional(readOnly = true)
    public List<String> listCodes() {
        return items.findListCodes();
    }

    /** The list's items whose code or names contain every word of {@code query}, ignoring diacritics. */
    @Transactional(readOnly = true)
    public List<ReferenceItem> items(String listCode, String query) {
        return items.findByListCodeOrderByCode(listCode).stream()
                .filter(i -> query == null || query.isBlank()
                        || VietnameseText.matches(i.getCode() + " " + i.getNameVi() + " " + i.getNameEn(), query))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ReferenceItem> find(long id) {
        return items.findById(id);
    }

    @Transactional
    public ReferenceItem create(CurrentUser user, String listCode, String code, ItemData data) {
        guard.check(user, AuditLog.Actions.CREATE, "reference_item", null);
        var problems = new RejectedInput.Collector();
        String normalised = code == null ? "" : code.strip();
        if (!CODE.matcher(normalised).matches()) {
            problems.reject("code", "organisation.admin.reference.error.code");
        } else if (items.findByListCodeAndCode(listCode, normalised).isPresent()) {
            problems.reject("code", "organisation.admin.reference.error.codeTaken");
        }
        check(data, problems);
        problems.throwIfAny();
        ReferenceItem item = new ReferenceItem(listCode, normalised);
        apply(item, data);
        items.saveAndFlush(item);
        holidays.invalidate();
        guard.recorded(AuditLog.Actions.CREATE, "reference_item", item.getId());
        return item;
    }

    /** Refused with an optimistic-locking failure when someone saved the item after {@code version}. */
    @Transactional
    public ReferenceItem update(CurrentUser user, long id, long version, ItemData data) {
        guard.check(user, AuditLog.Actions.UPDATE, "reference_item", id);
        ReferenceItem item = items.findById(id).orElseThrow();
        if (item.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(ReferenceItem.class, id);
        }
        var problems = new RejectedInput.Collector();
        check(data, problems);
        problems.throwIfAny();
        apply(item, data);
        items.saveAndFlush(item);
        holidays.invalidate();
        guard.recorded(AuditLog.Actions.UPDATE, "reference_item", id);
        return item;
    }

    @Transactional
    public ReferenceItem setEnabled(CurrentUser user, long id, boolean enabled) {
        String action = enabled ? AuditLog.Actions.UPDATE : AuditLog.Actions.DISABLE;
        guard.check(user, action, "reference_item", id);
        ReferenceItem item = items.findById(id).orElseThrow();
        item.setEnabled(enabled);
        items.saveAndFlush(item);
        holidays.invalidate();
        guard.recorded(action, "reference_item", id, enabled ? "enabled" : "disabled");
        return item;
    }

    private static void apply(ReferenceItem item, ItemData data) {
        item.update(VietnameseText.nfc(data.nameVi().strip()), VietnameseText.nfc(data.nameEn().strip()),
                data.validFrom(), data.validTo());
    }

    private static void check(ItemData data, RejectedInput.Collector problems) {
        if (data.validFrom() != null && data.validTo() != null && data.validTo().isBefore(data.validFrom())) {
            problems.reject("validTo", "organisation.admin.error.dateOrder");
        }
    }
}
