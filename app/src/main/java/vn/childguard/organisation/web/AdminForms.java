package vn.childguard.organisation.web;

import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import vn.childguard.organisation.internal.RejectedInput;

/** What the admin pages share: choices for selects and turning service refusals into form errors. */
final class AdminForms {

    /** One choice of a select or checkbox group; the label is already in the reader's language. */
    record Option(String value, String label) {
    }

    static final String STALE = "organisation.admin.error.stale";

    private AdminForms() {
    }

    /** Puts each refusal next to its field (or at the top when it concerns the whole form). */
    static void reject(BindingResult result, RejectedInput rejected) {
        for (RejectedInput.Problem problem : rejected.problems()) {
            if (problem.field() == null) {
                result.reject(problem.code());
            } else {
                result.rejectValue(problem.field(), problem.code());
            }
        }
    }

    static void rejectStale(BindingResult result, OptimisticLockingFailureException stale) {
        result.reject(STALE);
    }

    static <T> List<Option> options(List<T> items, java.util.function.Function<T, Object> value,
                                    java.util.function.Function<T, String> label) {
        return items.stream().map(i -> new Option(String.valueOf(value.apply(i)), label.apply(i))).toList();
    }
}
