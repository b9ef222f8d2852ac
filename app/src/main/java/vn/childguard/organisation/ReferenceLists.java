package vn.childguard.organisation;

import java.util.List;

/** Read-only access to the code lists of {@code reference/reference-lists.csv} (and their edits by administrators). */
public interface ReferenceLists {

    /** The enabled entries of a list that are valid today, ordered by code; empty for an unknown list. */
    List<ReferenceEntry> items(String listCode);
}
