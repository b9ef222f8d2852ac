package vn.childguard.casework.internal;

/** A step the procedure does not allow now; the message key says why, in the user's language. */
public class CaseRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public CaseRuleException(String messageKey) {
        this(messageKey, null);
    }

    public CaseRuleException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
