package vn.childguard.prevention.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.prevention.internal.PreventionException;

/** problem+json for the prevention API: 400 naming the fields (and, for an upload, every row and column at fault), 404. */
@RestControllerAdvice(assignableTypes = PreventionApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PreventionApiErrors {

    record RowProblem(int row, String column, String message) {
    }

    private final MessageSource messages;

    PreventionApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PreventionException.class)
    ResponseEntity<ProblemDetail> invalid(PreventionException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        if (!e.rowErrors().isEmpty()) {
            List<RowProblem> rows = e.rowErrors().stream()
                    .map(r -> new RowProblem(r.row(), r.column(), text(r.messageKey(), locale))).toList();
            problem.setProperty("rows", rows);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, text("prevention.error.notFound", locale), locale));
    }

    private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("problem." + status.value() + ".title", null, status.getReasonPhrase(),
                locale));
        return problem;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
