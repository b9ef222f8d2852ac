package vn.childguard.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Case pages answer a missing case with 404 and a malformed value with 400. */
@ControllerAdvice(assignableTypes = CaseController.class)
class CasePageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** A form posted without its file (or not as multipart at all) is the client's mistake, not a 500. */
    @ExceptionHandler({IllegalArgumentException.class, org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
