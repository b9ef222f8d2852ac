package vn.childguard.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query or form parameter holding a NUL character. No field has a use for one, and
 * PostgreSQL can neither store nor compare text containing it, so the request would otherwise fail
 * deep inside a search. Uploads are left to their own parsers, which are not read here before the
 * sign-in check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NulParameterFilter extends OncePerRequestFilter {

    private final Problems problems;

    NulParameterFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (!upload && request.getParameterMap().values().stream().flatMap(Arrays::stream)
                .anyMatch(value -> value.indexOf('\0') >= 0)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.400.nul");
            return;
        }
        chain.doFilter(request, response);
    }
}
