package vn.childguard.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.organisation.internal.TokenService;

/** Bearer tokens for integrations and scripts, and who a token belongs to. */
@RestController
class AuthApiController {

    record TokenRequest(String username, String password, String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record Me(String username, String fullName, Agency agency, String jurisdiction, List<Role> roles) {
        record Agency(long id, String code, String name, String nameEn) {
        }
    }

    private final TokenService tokens;
    private final MessageSource messages;

    AuthApiController(TokenService tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest body, HttpServletRequest request) {
        TokenRequest r = body == null ? new TokenRequest(null, null, null) : body;
        return tokens.login(r.username(), r.password(), r.totp(), request.getRemoteAddr())
                .<ResponseEntity<?>>map(t -> ResponseEntity.ok(new TokenResponse(t.token(), t.expiresAt())))
                .orElseGet(() -> unauthorized(request));
    }

    /** One answer for every failure (unknown user, wrong password or code, locked): no enumeration. */
    private ResponseEntity<ProblemDetail> unauthorized(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                messages.getMessage("problem.login.failed", null, locale));
        problem.setTitle(messages.getMessage("problem.401.title", null, locale));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Revokes the bearer token of this request: sign-out for API clients. */
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/auth/token")
    ResponseEntity<Void> revoke(@org.springframework.web.bind.annotation.RequestHeader("Authorization") String header) {
        tokens.revoke(header.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    Me me(CurrentUser user) {
        return new Me(user.username(), user.fullName(),
                new Me.Agency(user.agencyId(), user.agencyCode(), user.agencyNameVi(), user.agencyNameEn()),
                user.jurisdictionCode(), user.roles().stream().sorted().toList());
    }
}
