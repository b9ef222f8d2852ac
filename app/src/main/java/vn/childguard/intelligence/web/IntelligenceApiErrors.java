package vn.childguard.intelligence.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.intelligence.internal.IntelligenceRuleException;
import vn.childguard.shared.web.ApiProblems;

/**
 * problem+json for the intelligence API: 400 with the fields at fault ({@code errors}), 409 for a
 * step the rules refuse now (with its {@code code}), 404 for what does not exist.
 */
@RestControllerAdvice(assignableTypes = {IntelligenceApiController.class, NetworkDataController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntelligenceApiErrors {

    private final ApiProblems problems;

    IntelligenceApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IntelligenceRuleException.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(IntelligenceRuleException.Invalid e, Locale locale) {
        return problems.invalid(e.errors(), locale);
    }

    @ExceptionHandler(IntelligenceRuleException.class)
    ResponseEntity<ProblemDetail> rule(IntelligenceRuleException e, Locale locale) {
        return problems.refused(e.messageKey(), e.field(), locale);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problems.of(HttpStatus.NOT_FOUND, "intelligence.error.notFound", locale);
    }
}
