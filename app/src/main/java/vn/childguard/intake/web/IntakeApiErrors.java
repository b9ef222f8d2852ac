package vn.childguard.intake.web;

import java.util.LinkedHashMap;
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
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.TipLimits;

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

    private final MessageSource messages;

    IntakeApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors.forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IntakeService.IntakeException.class)
    ResponseEntity<ProblemDetail> rule(IntakeService.IntakeException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, text(e.messageKey(), locale), locale);
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, text("intake.api.error.notFound", locale), locale));
    }

    @ExceptionHandler(TipLimits.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(Locale locale) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "600")
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, text("intake.tip.tooMany.detail", locale), locale));
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
