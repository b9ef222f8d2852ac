package vn.childguard.casework.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Decree 56 forms as structured data: their fields, how typed values are checked, and the
 * structure stored (as JSON, encrypted). Values arrive flat, as typed: {@code field} or, for the
 * plan's items, {@code items[0].service}; errors come back under the same names.
 */
public final class CaseForms {

    public enum Type { TEXT, TEXTAREA, DATE, SELECT, CHECKBOX, NUMBER }

    /** A field; options are the codes of a SELECT (labels are messages {@code casework.option.<code>}). */
    public record Field(String name, Type type, boolean required, List<String> options) {
        static Field text(String name, boolean required) {
            return new Field(name, Type.TEXT, required, List.of());
        }

        static Field area(String name) {
            return new Field(name, Type.TEXTAREA, true, List.of());
        }

        static Field date(String name, boolean required) {
            return new Field(name, Type.DATE, required, List.of());
        }

        static Field select(String name, String... options) {
            return new Field(name, Type.SELECT, true, List.of(options));
        }

        static Field check(String name) {
            return new Field(name, Type.CHECKBOX, false, List.of());
        }
    }

    /** A form: code, fields and, for the plan, its item fields (with the service list). */
    public record Form(String code, List<Field> fields, List<Field> itemFields) {
    }

    /** The eight factors of the detailed needs assessment plus the parents' views. */
    public static final List<String> FACTORS = List.of("safety", "health", "education", "familyEnvironment",
            "livingConditions", "psychologicalState", "socialRelations", "childViews", "parentsViews");

    public static final int PLAN_ROWS = 5;

    public static final Map<String, Form> FORMS;

    static {
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("F02", new Form("F02", List.of(Field.date("assessedOn", true), Field.area("summary"),
                Field.select("riskLevel", "SERIOUS", "HIGH", "MODERATE", "LOW"), Field.check("abuserIsCarer"),
                Field.check("emergencyNeeded")), List.of()));
        forms.put("F07", new Form("F07", List.of(Field.select("measure", "EMERGENCY_INTERVENTION",
                "TEMPORARY_SEPARATION"), Field.date("startedOn", true), Field.area("decision"),
                Field.text("placement", false), Field.text("decisionNumber", false)), List.of()));
        forms.put("F03", new Form("F03", FACTORS.stream().map(Field::area).toList(), List.of()));
        forms.put("F04", new Form("F04", List.of(Field.area("goal")), List.of(
                new Field("service", Type.SELECT, true, List.of()), Field.text("responsible", true),
                Field.date("startOn", true), Field.date("endOn", false),
                new Field("budget", Type.NUMBER, false, List.of()))));
        forms.put("F05", new Form("F05", List.of(Field.select("decision", "APPROVED", "RETURNED"),
                new Field("comment", Type.TEXTAREA, false, List.of()), Field.text("decisionNumber", false)),
                List.of()));
        forms.put("F06", new Form("F06", List.of(Field.area("findings"), Field.select("outcome", "CLOSE",
                "NEW_CYCLE")), List.of()));
        FORMS = Map.copyOf(forms);
    }

    /** A refused form: errors by field name, as message keys. */
    public static final class Invalid extends RuntimeException {
        private final transient Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super("invalid fields: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private CaseForms() {
    }

    public static Form form(String code) {
        Form form = FORMS.get(code);
        if (form == null) {
            throw new java.util.NoSuchElementException("form " + code);
        }
        return form;
    }

    /**
     * Checks the typed values and returns the structure to store; throws {@link Invalid} with every
     * problem. {@code services} are the codes allowed for a plan item's service.
     */
    public static Map<String, Object> check(String code, Map<String, String> typed, Set<String> services) {
        Form form = form(code);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            Object value = value(field, typed.get(field.name()), field.name(), errors, Set.copyOf(field.options()));
            data.put(field.name(), value);
        }
        if ("F05".equals(code) && "RETURNED".equals(data.get("decision"))
                && (data.get("comment") == null)) {
            errors.put("comment", "casework.form.error.commentRequired");
        }
        if (!form.itemFields().isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < PLAN_ROWS * 4; i++) {
                String prefix = "items[" + i + "].";
                boolean used = form.itemFields().stream().anyMatch(f -> !blank(typed.get(prefix + f.name())));
                if (!used) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                for (Field f : form.itemFields()) {
                    item.put(f.name(), value(f, typed.get(prefix + f.name()), prefix + f.name(), errors,
                            "service".equals(f.name()) ? services : Set.of()));
                }
                if (item.get("startOn") instanceof String s && item.get("endOn") instanceof String e
                        && LocalDate.parse(e).isBefore(LocalDate.parse(s))) {
                    errors.put(prefix + "endOn", "casework.form.error.dateOrder");
                }
                items.add(item);
            }
            if (items.isEmpty()) {
                errors.put("items[0].service", "casework.form.error.noItems");
            }
            data.put("items", items);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return data;
    }

    private static Object value(Field field, String raw, String name, Map<String, String> errors, Set<String> options) {
        String text = raw == null ? "" : raw.strip();
        if (field.type() == Type.CHECKBOX) {
            return "true".equalsIgnoreCase(text) || "on".equalsIgnoreCase(text);
        }
        if (text.isEmpty()) {
            if (field.required()) {
                errors.put(name, "casework.form.error.required");
            }
            return null;
        }
        switch (field.type()) {
            case DATE -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    errors.put(name, "casework.form.error.date");
                    return text;
                }
            }
            case SELECT -> {
                if (!options.contains(text)) {
                    errors.put(name, "casework.form.error.option");
                }
                return text;
            }
            case NUMBER -> {
                try {
                    BigDecimal number = new BigDecimal(text.replace(" ", "").replace(".", "").replace(',', '.'));
                    if (number.signum() < 0) {
                        errors.put(name, "casework.form.error.negative");
                    }
                    return number.toPlainString();
                } catch (NumberFormatException e) {
                    errors.put(name, "casework.form.error.number");
                    return text;
                }
            }
            default -> {
                if (text.length() > 10_000) {
                    errors.put(name, "casework.form.error.tooLong");
                }
                return text;
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Flattens a stored (or API) structure back into typed values, for a form that is shown again. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> flatten(Map<String, Object> data) {
        Map<String, String> flat = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> item) {
                        int index = i;
                        ((Map<String, Object>) item).forEach((f, x) -> flat.put(k + "[" + index + "]." + f,
                                x == null ? "" : x.toString()));
                    }
                }
            } else {
                flat.put(k, v == null ? "" : v.toString());
            }
        });
        return flat;
    }
}
