package vn.childguard.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * People pages answer a person, relationship or photo that does not exist like one the user may not
 * see (403), so person ids cannot be probed.
 */
@ControllerAdvice(assignableTypes = {PeopleController.class, DuplicatesController.class})
class PeoplePageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }
}
