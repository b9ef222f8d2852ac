package vn.childguard.organisation.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this address lately; answered like any other failure. */
class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("too many failed sign-ins from this address");
    }
}
