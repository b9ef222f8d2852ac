package vn.childguard.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.planning.PlanImportException;
import vn.childguard.planning.internal.ProgressReport;

/**
 * problem+json for the planning API: 409 for a workflow step the report's state forbids, 422 with
 * every problem of a refused plan file, 404 for what does not exist, 400 with per-field errors.
 */
@RestControllerAdvice(assignableTypes = {PlanApiController.class, ReportApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanningApiErrors {

    /** A request body with fields that are missing or out of range, by field name and message key. */
    static final class InvalidRequest extends RuntimeException {
        private final transient Map<String, String> errors;

        InvalidRequest(Map<String, String> errors) {
            super("invalid fields: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }
    }

    /** One line of a refused plan file, as the API shows it. */
    record ImportProblem(int line, String field, String message) {
    }

    private final MessageSource messages;

    PlanningApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProgressReport.WorkflowException.class)
    ResponseEntity<ProblemDetail> workflow(ProgressReport.WorkflowException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, text(e.messageKey(), locale), locale);
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, text("planning.report.error.stale", locale), locale);
        problem.setProperty("code", "planning.report.error.stale");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(PlanImportException.class)
    ResponseEntity<ProblemDetail> importRefused(PlanImportException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT,
                text("planning.api.error.import", locale), locale);
        List<ImportProblem> problems = e.problems().stream().map(p -> new ImportProblem(p.line(), p.field(),
                messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))).toList();
        problem.setProperty("problems", problems);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, text("planning.api.error.notFound", locale), locale));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(Locale locale) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, text("planning.api.error.period", locale), locale));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors.forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("planning.problem." + status.value() + ".title", null,
                status.getReasonPhrase(), locale));
        return problem;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
