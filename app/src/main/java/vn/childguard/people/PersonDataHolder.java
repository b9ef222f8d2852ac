package vn.childguard.people;

import java.util.List;
import java.util.Map;

/**
 * What a module holds about a registered person, gathered for the person's own request to see their data
 * (Law 91/2025 on personal data). A module with records about people implements it in its internal
 * package; the {@code privacy} module collects every implementation into the export. It checks no access
 * itself: the caller has already checked the role and the request, and audits the export; nothing else
 * may call it.
 */
public interface PersonDataHolder {

    /** The module's name, which names its part of the export (e.g. {@code casework}). */
    String module();

    /**
     * The module's records about the person, oldest first, as plain values (text, numbers, booleans,
     * lists and maps of them) already decrypted. Never another person's identity, and never what the
     * law lets the holder withhold (who reported, what is known about suspects).
     */
    List<Map<String, Object>> recordsAbout(long personId);
}
