package vn.childguard.prevention.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.prevention.internal.PreventionException;
import vn.childguard.shared.web.ApiProblems;

/** problem+json for the prevention API: 400 naming the fields (and, for an upload, every row and column at fault), 404. */
@RestControllerAdvice(assignableTypes = PreventionApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PreventionApiErrors {

    record RowProblem(int row, String column, String message) {
    }

    private final ApiProblems problems;

    PreventionApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PreventionException.class)
    ResponseEntity<ProblemDetail> invalid(PreventionException e, Locale locale) {
        ResponseEntity<ProblemDetail> answer = problems.invalid(e.errors(), locale);
        if (!e.rowErrors().isEmpty()) {
            answer.getBody().setProperty("rows", e.rowErrors().stream()
                    .map(r -> new RowProblem(r.row(), r.column(), problems.text(r.messageKey(), locale))).toList());
        }
        return answer;
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        // refused like a record the user may not see, so student ids cannot be probed
        return problems.of(HttpStatus.FORBIDDEN, "problem.403.detail", locale);
    }
}
