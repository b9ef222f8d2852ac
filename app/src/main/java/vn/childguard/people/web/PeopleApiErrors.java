package vn.childguard.people.web;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.shared.web.ApiProblems;

/** problem+json for the persons API: 400 with an {@code errors} map by field, 404 for an unknown person. */
@RestControllerAdvice(assignableTypes = PersonApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeopleApiErrors {

    private final ApiProblems problems;

    PeopleApiErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidPersonException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPersonException e, Locale locale) {
        return problems.invalid(e.errors(), locale);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        // refused like a person the user may not see, so person ids cannot be probed
        return problems.of(HttpStatus.FORBIDDEN, "problem.403.detail", locale);
    }
}
