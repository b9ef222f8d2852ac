package vn.childguard.intelligence.internal;

import java.util.Map;

/** A step the rules refuse now (409), or — with a field — a value they refuse (400); the key says why. */
public class IntelligenceRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public IntelligenceRuleException(String messageKey) {
        this(messageKey, null);
    }

    public IntelligenceRuleException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }

    /** Invalid input: field → message key (400, each field named). */
    public static class Invalid extends RuntimeException {

        private final Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super("invalid " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }
}
