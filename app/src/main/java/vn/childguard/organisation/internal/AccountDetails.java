package vn.childguard.organisation.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.AccountablePrincipal;

/** The security principal: the {@link CurrentUser} plus what authentication needs for one login. */
final class AccountDetails implements UserDetails, CredentialsContainer, AccountablePrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final String totpSecret;

    AccountDetails(CurrentUser user, String passwordHash, boolean enabled, boolean locked, String totpSecret) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.totpSecret = totpSecret;
    }

    CurrentUser user() {
        return user;
    }

    /** The encrypted TOTP secret when the user has enrolled, else null. */
    String totpSecret() {
        return totpSecret;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String username() {
        return user.username();
    }

    @Override
    public String agencyCode() {
        return user.agencyCode();
    }

    @Override
    public String toString() {
        return "AccountDetails[" + user.username() + "]";
    }

    static List<String> authorities(AccountDetails details) {
        return details.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
