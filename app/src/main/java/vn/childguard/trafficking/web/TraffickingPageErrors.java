package vn.childguard.trafficking.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Trafficking pages answer a case that does not exist like one the user may not see (403), so case
 * ids cannot be probed; before, a missing case was a 500.
 */
@ControllerAdvice(assignableTypes = TraffickingController.class)
class TraffickingPageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }
}
