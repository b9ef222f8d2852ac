package vn.childguard.organisation.internal;

import java.util.List;

/**
 * An administrative change refused because of what was typed (an unknown unit, a taken username, a
 * weak password). Carries one message key per field, so the form can show each next to its field;
 * a null field is an error about the whole form.
 */
public class RejectedInput extends RuntimeException {

    /** One refusal: which form field, and the message key that explains it. */
    public record Problem(String field, String code) {
    }

    private final transient List<Problem> problems;

    RejectedInput(List<Problem> problems) {
        super("rejected input: " + problems.stream().map(Problem::code).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Collects problems while checking a command, then throws them all at once. */
    static final class Collector {
        private final List<Problem> problems = new java.util.ArrayList<>();

        Collector reject(String field, String code) {
            problems.add(new Problem(field, code));
            return this;
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new RejectedInput(problems);
            }
        }
    }
}
