package vn.childguard.prevention.internal;

import java.util.List;
import java.util.Map;

/** Input refused by the rules: the fields at fault with message keys, or the rows of an upload. */
public class PreventionException extends RuntimeException {

    /** One refused cell of an upload: 1-based row as the spreadsheet numbers it (header is row 1). */
    public record RowError(int row, String column, String messageKey) {
    }

    private final transient Map<String, String> errors;
    private final transient List<RowError> rowErrors;

    public PreventionException(Map<String, String> errors) {
        this(errors, List.of());
    }

    public PreventionException(Map<String, String> errors, List<RowError> rowErrors) {
        super("refused: " + errors.keySet() + " " + rowErrors.size() + " row errors");
        this.errors = Map.copyOf(errors);
        this.rowErrors = List.copyOf(rowErrors);
    }

    public static PreventionException field(String field, String key) {
        return new PreventionException(Map.of(field, key));
    }

    public Map<String, String> errors() {
        return errors;
    }

    public List<RowError> rowErrors() {
        return rowErrors;
    }
}
