package vn.childguard.casework.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.casework.internal.CaseForms;
import vn.childguard.casework.internal.CaseRuleException;
import vn.childguard.shared.web.ApiProblems;

/**
 * problem+json for the casework API: 400 with the fields at fault, 409 for a step the procedure
 * refuses now (with its {@code code} and, where there is one, the {@code field}), 404 for what does not exist.
 */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiErrors {

    private final ApiProblems problems;

    CaseApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CaseForms.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(CaseForms.Invalid e, Locale locale) {
        return problems.invalid(e.errors(), locale);
    }

    @ExceptionHandler(CaseRuleException.class)
    ResponseEntity<ProblemDetail> rule(CaseRuleException e, Locale locale) {
        return problems.refused(e.messageKey(), e.field(), locale);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(Locale locale) {
        return problems.of(HttpStatus.CONFLICT, "casework.error.stale", locale);
    }

    /** A case that does not exist is refused like one the user may not see, so case ids cannot be probed. */
    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problems.of(HttpStatus.FORBIDDEN, "problem.403.detail", locale);
    }
}
