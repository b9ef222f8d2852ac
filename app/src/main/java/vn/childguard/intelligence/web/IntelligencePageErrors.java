package vn.childguard.intelligence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.childguard.intelligence.internal.IntelligenceRuleException;

/** Intelligence pages answer what does not exist with 404 and a value the rules refuse on a GET with 400. */
@ControllerAdvice(assignableTypes = {IntelligenceController.class, WatchlistController.class,
        ProceedingController.class})
class IntelligencePageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @ExceptionHandler({IntelligenceRuleException.class, IntelligenceRuleException.Invalid.class,
            IllegalArgumentException.class})
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
