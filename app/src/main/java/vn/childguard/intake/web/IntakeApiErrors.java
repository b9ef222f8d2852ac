package vn.childguard.intake.web;

import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.TipLimits;
import vn.childguard.shared.web.ApiProblems;

/** problem+json for the intake API: 400 naming the fields, 404, 409 for a rule, 429 over the rate limit. */
@RestControllerAdvice(assignableTypes = {IntakeApiController.class, PublicTipApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeApiErrors {

    /** Fields that are missing or wrong, by field name and message key. */
    static final class InvalidRequest extends RuntimeException {
        private final transient Map<String, String> errors;

        InvalidRequest(Map<String, String> errors) {
            super("invalid fields: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }
    }

    private final ApiProblems problems;

    IntakeApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e, Locale locale) {
        return problems.invalid(e.errors, locale);
    }

    @ExceptionHandler(IntakeService.IntakeException.class)
    ResponseEntity<ProblemDetail> rule(IntakeService.IntakeException e, Locale locale) {
        return problems.refused(e.messageKey(), null, locale);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return problems.of(HttpStatus.NOT_FOUND, "intake.api.error.notFound", locale);
    }

    @ExceptionHandler(TipLimits.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(Locale locale) {
        ResponseEntity<ProblemDetail> answer = problems.of(HttpStatus.TOO_MANY_REQUESTS, "intake.tip.tooMany.detail", locale);
        return ResponseEntity.status(answer.getStatusCode()).header("Retry-After", "600").body(answer.getBody());
    }
}
