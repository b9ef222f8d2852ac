package vn.childguard.trafficking.web;

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
import vn.childguard.trafficking.internal.TraffickingRuleException;

/**
 * problem+json for the trafficking API: 400 with the fields at fault, 409 for a step the rules
 * refuse now (with its {@code code}), 404 for what does not exist.
 */
@RestControllerAdvice(assignableTypes = TraffickingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraffickingApiErrors {

    private final MessageSource messages;

    TraffickingApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TraffickingRuleException.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(TraffickingRuleException.Invalid e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TraffickingRuleException.class)
    ResponseEntity<ProblemDetail> rule(TraffickingRuleException e, Locale locale) {
        HttpStatus status = e.field() == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, text(e.messageKey(), locale), locale);
        problem.setProperty("code", e.messageKey());
        if (e.field() != null) {
            problem.setProperty("errors", Map.of(e.field(), text(e.messageKey(), locale)));
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, text("trafficking.error.notFound", locale), locale));
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
