package vn.childguard.planning;

import java.util.List;

/** A plan file that cannot be imported; every problem found is listed, and nothing was imported. */
public class PlanImportException extends RuntimeException {

    /** One problem: the line of the file, the field's path, and a message key with its arguments. */
    public record Problem(int line, String field, String messageKey, List<String> args) {
    }

    private final List<Problem> problems;

    public PlanImportException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the plan file, first at line " + problems.getFirst().line());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
