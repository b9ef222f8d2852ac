package vn.childguard.intake.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the public tip form, one question at a time, as field name → message key. The same
 * rules check a tip sent to the API, where every question is answered at once.
 */
public final class TipValidation {

    public static final int NARRATIVE_MIN = 10;
    public static final int NARRATIVE_MAX = 4000;
    public static final int SHORT_MAX = 200;

    /** The questions, in the order the pages ask them. */
    public enum Step { WHAT, WHERE, WHEN, CHILD, CONTACT }

    private TipValidation() {
    }

    public static Map<String, String> check(Step step, TipDraft d, Set<String> communes, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (step) {
            case WHAT -> {
                String narrative = Inputs.clean(d.getNarrative());
                if (narrative == null) {
                    errors.put("narrative", "intake.tip.error.narrative.required");
                } else if (narrative.length() < NARRATIVE_MIN) {
                    errors.put("narrative", "intake.tip.error.narrative.short");
                } else if (narrative.length() > NARRATIVE_MAX) {
                    errors.put("narrative", "intake.tip.error.narrative.long");
                }
            }
            case WHERE -> {
                if (Inputs.blank(d.getUnitCode())) {
                    errors.put("unitCode", "intake.tip.error.unit.required");
                } else if (!communes.contains(d.getUnitCode().strip())) {
                    errors.put("unitCode", "intake.tip.error.unit.unknown");
                }
                if (tooLong(d.getPlace())) {
                    errors.put("place", "intake.tip.error.tooLong");
                }
            }
            case WHEN -> {
                if (Inputs.blank(d.getWhen())) {
                    errors.put("when", "intake.tip.error.when.required");
                } else if (!isOneOf(d.getWhen(), TipDraft.When.class)) {
                    errors.put("when", "intake.tip.error.when.required");
                }
                if (!Inputs.blank(d.getDate())) {
                    LocalDate date = Inputs.date(d.getDate());
                    if (date == null) {
                        errors.put("date", "intake.tip.error.date.format");
                    } else if (date.isAfter(today)) {
                        errors.put("date", "intake.tip.error.date.future");
                    } else if (date.isBefore(today.minusYears(18))) {
                        errors.put("date", "intake.tip.error.date.past");
                    }
                }
            }
            case CHILD -> {
                if (tooLong(d.getChildName())) {
                    errors.put("childName", "intake.tip.error.tooLong");
                }
                if (!Inputs.blank(d.getChildAge())) {
                    Integer age = Inputs.integer(d.getChildAge());
                    if (age == null || age > 17) {
                        errors.put("childAge", "intake.tip.error.childAge");
                    }
                }
            }
            case CONTACT -> {
                if (Inputs.blank(d.getContactChoice()) || !isOneOf(d.getContactChoice(), TipDraft.ContactChoice.class)) {
                    errors.put("contactChoice", "intake.tip.error.contactChoice.required");
                } else if (TipDraft.ContactChoice.CONTACT.name().equals(d.getContactChoice().strip())) {
                    if (Inputs.blank(d.getContactPhone())) {
                        errors.put("contactPhone", "intake.tip.error.phone.required");
                    } else if (!Inputs.isPhone(d.getContactPhone())) {
                        errors.put("contactPhone", "intake.tip.error.phone.format");
                    }
                    if (tooLong(d.getContactName())) {
                        errors.put("contactName", "intake.tip.error.tooLong");
                    }
                }
            }
        }
        return errors;
    }

    /** Every question at once (the check-answers page and the API). */
    public static Map<String, String> checkAll(TipDraft d, Set<String> communes, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            check(step, d, communes, today).forEach(errors::putIfAbsent);
        }
        return errors;
    }

    /** The first question that is not answered correctly yet, or null when all are. */
    public static Step firstIncomplete(TipDraft d, Set<String> communes, LocalDate today) {
        for (Step step : Step.values()) {
            if (!check(step, d, communes, today).isEmpty()) {
                return step;
            }
        }
        return null;
    }

    private static boolean tooLong(String text) {
        return text != null && text.strip().length() > SHORT_MAX;
    }

    private static <E extends Enum<E>> boolean isOneOf(String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text.strip())) {
                return true;
            }
        }
        return false;
    }
}
