package vn.childguard.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Case pages answer a missing case like a refused one (403) and a malformed value with 400. */
@ControllerAdvice(assignableTypes = CaseController.class)
class CasePageErrors {

    /** A case that does not exist is refused like one the user may not see, so case ids cannot be probed. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    /** A form posted without its file (or not as multipart at all) is the client's mistake, not a 500. */
    @ExceptionHandler({IllegalArgumentException.class, org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
