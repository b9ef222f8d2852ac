package vn.childguard.trafficking.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.shared.web.ApiProblems;
import vn.childguard.trafficking.internal.TraffickingRuleException;

/**
 * problem+json for the trafficking API: 400 with the fields at fault, 409 for a step the rules
 * refuse now (with its {@code code}), 404 for what does not exist.
 */
@RestControllerAdvice(assignableTypes = TraffickingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraffickingApiErrors {

    private final ApiProblems problems;

    TraffickingApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(TraffickingRuleException.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(TraffickingRuleException.Invalid e, Locale locale) {
        return problems.invalid(e.errors(), locale);
    }

    @ExceptionHandler(TraffickingRuleException.class)
    ResponseEntity<ProblemDetail> rule(TraffickingRuleException e, Locale locale) {
        return problems.refused(e.messageKey(), e.field(), locale);
    }

    /** A case that does not exist is refused like one the user may not see, so case ids cannot be probed. */
    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problems.of(HttpStatus.FORBIDDEN, "problem.403.detail", locale);
    }
}
