package vn.childguard.intelligence.web;

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
import vn.childguard.intelligence.internal.IntelligenceRuleException;

/**
 * problem+json for the intelligence API: 400 with the fields at fault ({@code errors}), 409 for a
 * step the rules refuse now (with its {@code code}), 404 for what does not exist.
 */
@RestControllerAdvice(assignableTypes = {IntelligenceApiController.class, NetworkDataController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntelligenceApiErrors {

    private final MessageSource messages;

    IntelligenceApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IntelligenceRuleException.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(IntelligenceRuleException.Invalid e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IntelligenceRuleException.class)
    ResponseEntity<ProblemDetail> rule(IntelligenceRuleException e, Locale locale) {
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
                .body(problem(HttpStatus.NOT_FOUND, text("intelligence.error.notFound", locale), locale));
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
