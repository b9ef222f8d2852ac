package vn.childguard.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.childguard.intake.internal.TipLimits;

/** Intake pages: 404 for what does not exist; a friendly 429 page when the tip form is used too often. */
@ControllerAdvice(assignableTypes = {IntakeController.class, PublicTipController.class})
class IntakePageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    @ExceptionHandler(TipLimits.TooManyRequests.class)
    String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "600");
        return "tip/too-many";
    }
}
