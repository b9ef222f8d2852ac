package vn.childguard.audit.web;

/**
 * The auditor's filter as typed: dates stay text until checked, so that a bad date comes back to
 * the form with its value and a message instead of failing the binding.
 */
record SearchAuditForm(String user, String entityType, String entityId, String action, String from, String to) {

    SearchAuditForm {
        user = clean(user);
        entityType = clean(entityType);
        entityId = clean(entityId);
        action = clean(action);
        from = clean(from);
        to = clean(to);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
