package vn.childguard.trafficking.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The HTCDS-style data of a case (IOM Human Trafficking Case Data Standard) and, for cases from the
 * UK, the NRM decisions: checked here, stored as encrypted JSON. Lists may arrive as JSON arrays or
 * as comma-separated text (the page). Unknown keys are dropped; every refusal names its field.
 */
public final class CaseData {

    public static final Set<String> RECRUITER_RELATIONSHIPS = Set.of("FAMILY", "INTIMATE_PARTNER", "FRIEND",
            "ACQUAINTANCE", "EMPLOYER", "BROKER", "STRANGER", "OTHER");
    public static final Set<String> PERPETRATOR_ROLES = Set.of("RECRUITER", "TRANSPORTER", "HARBOURER", "EXPLOITER",
            "BROKER", "DOCUMENT_FORGER", "OTHER");
    public static final Set<String> EVENT_KINDS = Set.of("RECRUITMENT", "TRANSIT", "EXPLOITATION");
    public static final Set<String> RETURN_MODES = Set.of("SELF_RETURNED", "RESCUED", "REPATRIATED", "DEPORTED");
    public static final Set<String> NRM_DECISIONS = Set.of("POSITIVE", "NEGATIVE", "PENDING");
    private static final List<String> TEXTS = List.of("summary", "recruitmentMethod", "recruitmentPlace",
            "onlinePlatform", "debtCurrency");
    /** Every key of the data (besides {@code source}, set when the case is opened). */
    public static final Set<String> KEYS = Set.of("summary", "recruitmentMethod", "recruitmentPlace", "onlinePlatform",
            "debtCurrency", "exploitationTypes", "meansOfControl", "destinationCountries", "transitCountries",
            "perpetratorRoles", "recruiterRelationship", "returnMode", "debtAmount", "events", "nrm");

    /** The lists the data refers to: exploitation forms, means of control, countries. */
    public record Lists(Predicate<String> exploitation, Predicate<String> control, Predicate<String> country) {
    }

    private CaseData() {
    }

    /** Checks the typed data; returns the cleaned map or throws {@link TraffickingRuleException.Invalid}. */
    public static Map<String, Object> check(Map<String, ?> typed, Lists lists, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : TEXTS) {
            String v = text(typed.get(key));
            if (v != null) {
                if (v.length() > 4000) {
                    errors.put(key, "trafficking.data.error.tooLong");
                }
                out.put(key, v);
            }
        }
        codes(typed, "exploitationTypes", lists.exploitation(), out, errors);
        codes(typed, "meansOfControl", lists.control(), out, errors);
        codes(typed, "destinationCountries", lists.country(), out, errors);
        codes(typed, "transitCountries", lists.country(), out, errors);
        codes(typed, "perpetratorRoles", PERPETRATOR_ROLES::contains, out, errors);
        oneOf(typed, "recruiterRelationship", RECRUITER_RELATIONSHIPS, out, errors);
        oneOf(typed, "returnMode", RETURN_MODES, out, errors);
        String debt = text(typed.get("debtAmount"));
        if (debt != null) {
            try {
                long amount = Long.parseLong(debt.replace(".", "").replace(",", "").replace(" ", ""));
                if (amount < 0) {
                    throw new NumberFormatException();
                }
                out.put("debtAmount", amount);
            } catch (NumberFormatException e) {
                errors.put("debtAmount", "trafficking.data.error.amount");
            }
        }
        Object events = typed.get("events");
        if (events instanceof List<?> list) {
            List<Map<String, Object>> cleaned = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> e)) {
                    errors.put("events[" + i + "]", "trafficking.data.error.event");
                    continue;
                }
                Map<String, Object> ev = new LinkedHashMap<>();
                String kind = text(e.get("kind"));
                if (kind == null || !EVENT_KINDS.contains(kind)) {
                    errors.put("events[" + i + "].kind", "trafficking.data.error.code");
                }
                ev.put("kind", kind);
                String place = text(e.get("place"));
                ev.put("place", place);
                String country = text(e.get("country"));
                if (country != null && !lists.country().test(country)) {
                    errors.put("events[" + i + "].country", "trafficking.data.error.code");
                }
                ev.put("country", country);
                String date = text(e.get("date"));
                if (date != null) {
                    LocalDate d = date(date);
                    if (d == null || d.isAfter(today)) {
                        errors.put("events[" + i + "].date", "trafficking.data.error.date");
                    }
                }
                ev.put("date", date);
                cleaned.add(ev);
            }
            out.put("events", cleaned);
        } else if (events != null) {
            errors.put("events", "trafficking.data.error.event");
        }
        Object nrm = typed.get("nrm");
        if (nrm instanceof Map<?, ?> n) {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            for (String key : List.of("referralDate", "reasonableGroundsDate", "conclusiveGroundsDate")) {
                String v = text(n.get(key));
                if (v != null) {
                    LocalDate d = date(v);
                    if (d == null || d.isAfter(today)) {
                        errors.put("nrm." + key, "trafficking.data.error.date");
                    }
                    cleaned.put(key, v);
                }
            }
            for (String key : List.of("reasonableGrounds", "conclusiveGrounds")) {
                String v = text(n.get(key));
                if (v != null) {
                    if (!NRM_DECISIONS.contains(v)) {
                        errors.put("nrm." + key, "trafficking.data.error.code");
                    }
                    cleaned.put(key, v);
                }
            }
            String days = text(n.get("recoveryPeriodDays"));
            if (days != null) {
                try {
                    int d = Integer.parseInt(days);
                    if (d < 0 || d > 3650) {
                        throw new NumberFormatException();
                    }
                    cleaned.put("recoveryPeriodDays", d);
                } catch (NumberFormatException e) {
                    errors.put("nrm.recoveryPeriodDays", "trafficking.data.error.amount");
                }
            }
            if (!cleaned.isEmpty()) {
                out.put("nrm", cleaned);
            }
        } else if (nrm != null) {
            errors.put("nrm", "trafficking.data.error.event");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        return out;
    }

    /** The first exploitation date among the events, if any. */
    @SuppressWarnings("unchecked")
    public static LocalDate firstExploitation(Map<String, Object> data) {
        Object events = data.get("events");
        if (!(events instanceof List<?> list)) {
            return null;
        }
        return list.stream().filter(e -> e instanceof Map).map(e -> (Map<String, Object>) e)
                .filter(e -> "EXPLOITATION".equals(e.get("kind")) && e.get("date") != null)
                .map(e -> date((String) e.get("date"))).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    static LocalDate date(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static void oneOf(Map<String, ?> typed, String key, Set<String> allowed, Map<String, Object> out,
                              Map<String, String> errors) {
        String v = text(typed.get(key));
        if (v != null) {
            if (!allowed.contains(v)) {
                errors.put(key, "trafficking.data.error.code");
            }
            out.put(key, v);
        }
    }

    private static void codes(Map<String, ?> typed, String key, Predicate<String> allowed, Map<String, Object> out,
                              Map<String, String> errors) {
        Object v = typed.get(key);
        if (v == null) {
            return;
        }
        List<String> values = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(x -> {
                String s = text(x);
                if (s != null) {
                    values.add(s);
                }
            });
        } else {
            Arrays.stream(v.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        if (values.stream().anyMatch(s -> !allowed.test(s))) {
            errors.put(key, "trafficking.data.error.code");
        }
        if (!values.isEmpty()) {
            out.put(key, List.copyOf(new java.util.LinkedHashSet<>(values)));
        }
    }
}
