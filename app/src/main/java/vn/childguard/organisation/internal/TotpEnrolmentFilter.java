package vn.childguard.organisation.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose roles see personal data must enrol a second factor before anything else, when the
 * deployment enforces it (production does; the demo does not).
 */
class TotpEnrolmentFilter extends OncePerRequestFilter {

    static final String ENROLMENT_PATH = "/account/totp";
    private final SecuritySettings settings;

    TotpEnrolmentFilter(SecuritySettings settings) {
        this.settings = settings;
    }

    static boolean mustEnrol(SecuritySettings settings, AccountDetails details) {
        return settings.totpRequired() && details.totpSecret() == null
                && details.user().roles().stream().anyMatch(vn.childguard.organisation.Role::seesPersonalData);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof AccountDetails details && mustEnrol(settings, details)
                && !path.startsWith(ENROLMENT_PATH) && !path.equals("/logout") && !path.startsWith("/webjars/")
                && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + ENROLMENT_PATH);
            return;
        }
        chain.doFilter(request, response);
    }
}
