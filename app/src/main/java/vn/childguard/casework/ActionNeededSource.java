package vn.childguard.casework;

import java.time.Instant;
import java.util.List;
import vn.childguard.organisation.CurrentUser;

/**
 * Other modules' items for the shared "action needed" inbox (/cases/action-needed): each module with
 * deadlines of its own (e.g. trafficking's verification clock and follow-ups) implements it; casework
 * depends on no implementation.
 */
public interface ActionNeededSource {

    /** The items the user should act on now, each with its own link; never personal data beyond a reference. */
    List<Item> itemsFor(CurrentUser user);

    /**
     * One item: a case reference, a message key (with one optional argument) saying what is due, a link,
     * when it is due and how it stands.
     */
    record Item(String reference, String messageKey, String messageArg, String href, Instant dueAt,
                DeadlineStatus status) {
    }
}
