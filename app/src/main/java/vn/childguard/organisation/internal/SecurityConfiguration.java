package vn.childguard.organisation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.web.Problems;

/**
 * Two filter chains: the stateless API (bearer tokens, problem+json errors, no CSRF because no
 * cookies) and the pages (form login with TOTP, session, CSRF, strict CSP). Which role may do what
 * is decided by each module's policy and {@code @PreAuthorize} on its controllers, not here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere, so the policy can forbid both. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    TotpAuthenticationProvider totpAuthenticationProvider(Accounts accounts, PasswordEncoder encoder,
                                                          DataCipher cipher, Clock clock, LoginThrottle throttle,
                                                          UserAccountRepository users) {
        return new TotpAuthenticationProvider(accounts, encoder, cipher, clock, throttle, users);
    }

    @Bean
    AuthenticationManager authenticationManager(TotpAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /** A request the firewall refuses (a NUL, a semicolon or an encoded slash in its path) is answered with a reason. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "problem.400.rejected");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, Problems problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        // the public tip form's API (intake): no account, rate-limited by intake
                        .requestMatchers("/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.401.detail"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.403.detail")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager manager, LoginAttempts attempts,
                                 AuditLog audit, SecuritySettings settings) throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                                Authentication authentication) throws java.io.IOException,
                    jakarta.servlet.ServletException {
                attempts.succeeded((AccountDetails) authentication.getPrincipal(), request.getRemoteAddr(),
                        AuditLog.Actions.LOGIN);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/");
        var failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.AuthenticationException exception)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                attempts.failed(request.getParameter("username"), request.getRemoteAddr(),
                        exception.getClass().getSimpleName());
                super.onAuthenticationFailure(request, response, exception);
            }
        };
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the public tip form (intake): no account, no script, rate-limited by intake
                        .requestMatchers("/tip", "/tip/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("SYSTEM_ADMIN")
                        // the API's OpenAPI description and Swagger UI, for administrators and integrators they invite
                        // (springdoc also serves /v3/api-docs.yaml, which "/v3/api-docs/**" does not match)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").hasRole("SYSTEM_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(TotpAuthenticationProvider.DETAILS)
                        .successHandler(success)
                        .failureHandler(failure)
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(AuditEntry.of(AuditLog.Actions.LOGOUT, "user", null,
                                        AuditEntry.Outcome.SUCCESS));
                            }
                        }))
                .addFilterAfter(new TotpEnrolmentFilter(settings), AnonymousAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
