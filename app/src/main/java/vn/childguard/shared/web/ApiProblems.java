package vn.childguard.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The problem+json answers every module's API error advice gives, so that they look the same
 * everywhere: the title by status and the detail in the caller's language, the fields at fault in
 * {@code errors} (field → text), and the message key of a refused step in {@code code}.
 */
@Component
public class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem with only a status and a detail, e.g. 404 with "no such case". */
    public ResponseEntity<ProblemDetail> of(HttpStatus status, String detailKey, Locale locale) {
        return ResponseEntity.status(status).body(problem(status, detailKey, locale));
    }

    /** 400 with the fields at fault, each with its message key. */
    public ResponseEntity<ProblemDetail> invalid(Map<String, String> fieldMessageKeys, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation.detail", locale);
        Map<String, String> errors = new LinkedHashMap<>();
        fieldMessageKeys.forEach((field, key) -> errors.put(field, text(key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A step the rules refuse now: 409 with its {@code code}, or 400 naming the field when one
     * field is at fault.
     */
    public ResponseEntity<ProblemDetail> refused(String messageKey, String field, Locale locale) {
        HttpStatus status = field == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, messageKey, locale);
        problem.setProperty("code", messageKey);
        if (field != null) {
            problem.setProperty("errors", Map.of(field, text(messageKey, locale)));
        }
        return ResponseEntity.status(status).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String detailKey, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, locale));
        problem.setTitle(messages.getMessage("problem." + status.value() + ".title", null, status.getReasonPhrase(),
                locale));
        return problem;
    }

    /** A message in the caller's language (the key itself when missing), for extra properties such as rows. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
