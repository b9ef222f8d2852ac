package vn.childguard.people;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person (or a photo, or a relationship) the register refuses: each field that is wrong, by name
 * (as in {@link NewPerson}, documents as {@code documents[0].number}), with the message key that says
 * why in the user's language. Pages show the messages next to the fields; the API returns them in
 * problem+json.
 */
public class InvalidPersonException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidPersonException(Map<String, String> errors) {
        super("invalid person fields: " + errors.keySet());
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public InvalidPersonException(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    /** Field name to message key, in form order. */
    public Map<String, String> errors() {
        return errors;
    }
}
