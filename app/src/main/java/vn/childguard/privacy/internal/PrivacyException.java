package vn.childguard.privacy.internal;

import java.util.Map;

/** Input refused by the rules: the fields at fault with message keys. */
public class PrivacyException extends RuntimeException {

    private final transient Map<String, String> errors;

    public PrivacyException(Map<String, String> errors) {
        super("refused: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public static PrivacyException field(String field, String key) {
        return new PrivacyException(Map.of(field, key));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
