package vn.childguard.retention.internal;

/** A form value the retention rules refuse: the field and the message key saying why. */
public class RejectedRetentionInput extends RuntimeException {

    private final String field;
    private final String messageKey;

    public RejectedRetentionInput(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
