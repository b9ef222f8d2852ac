package vn.childguard.people.web;

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
import vn.childguard.people.InvalidPersonException;

/** problem+json for the persons API: 400 with an {@code errors} map by field, 404 for an unknown person. */
@RestControllerAdvice(assignableTypes = PersonApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeopleApiErrors {

    private final MessageSource messages;

    PeopleApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidPersonException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPersonException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.validation.detail", locale), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, text("people.api.error.notFound", locale), locale));
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
