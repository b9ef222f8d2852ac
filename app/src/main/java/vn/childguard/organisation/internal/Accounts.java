package vn.childguard.organisation.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;





/** Turns stored accounts into principals, and answers the directory questions of other modules. */
@Service
@Transactional(readOnly = true)
class Accounts implements UserDetailsService, OrganisationDirectory {

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final AdminUnitRepository units;
    private final ReferenceItemRepository items;
    private final JurisdictionTree jurisdictions;
    private final Clock clock;

    Accounts(UserAccountRepository users, AgencyRepository agencies, AdminUnitRepository units,
             ReferenceItemRepository items, JurisdictionTree jurisdictions, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.units = units;
        this.items = items;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Override
    public AccountDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return details(account);
    }

    AccountDetails details(UserAccount account) {
        Agency agency = agencies.findById(account.getAgencyId()).orElseThrow();
        String jurisdiction = account.getJurisdictionCode() != null ? account.getJurisdictionCode()
                : agency.getAreaCode();
        CurrentUser user = new CurrentUser(account.getId(), account.getUsername(), account.getFullName(),
                agency.getId(), agency.getCode(), agency.getNameVi(), agency.getNameEn(), jurisdiction,
                java.util.Set.copyOf(account.getRoles()));
        return new AccountDetails(user, account.getPasswordHash(), account.isEnabled(),
                account.isLocked(clock.instant()), account.isTotpEnabled() ? account.getTotpSecret() : null);
    }

    @Override
    public Counts counts() {
        return new Counts(agencies.count(), users.count(), units.count(), items.count());
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS) // from memory: no connection for it
    public boolean covers(String jurisdictionCode, String unitCode) {
        return jurisdictions.covers(jurisdictionCode, unitCode);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS) // from memory: no connection for it
    public Optional<String> unitName(String code, java.util.Locale locale) {
        return jurisdictions.name(code, locale);
    }

    /**
     * Reads the security context only: no transaction (it is asked on every request, for the pages'
     * model and by the services, and a read-only JPA transaction of its own cost a connection each time).
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountDetails details
                ? Optional.of(details.user()) : Optional.empty();
    }

    @Override
    public java.util.List<String> emailsOf(String agencyCode, vn.childguard.organisation.Role role) {
        return agencies.findByCode(agencyCode).map(a -> users.findByAgencyIdOrderByUsername(a.getId()).stream()
                .filter(u -> u.isEnabled() && u.getRoles().contains(role))
                .map(UserAccount::getEmail)
                .filter(e -> e != null && !e.isBlank())
                .toList()).orElse(java.util.List.of());
    }

    @Override
    public java.util.List<String> usernamesOf(String agencyCode, vn.childguard.organisation.Role role) {
        return agencies.findByCode(agencyCode).map(a -> users.findByAgencyIdOrderByUsername(a.getId()).stream()
                .filter(u -> u.isEnabled() && u.getRoles().contains(role))
                .map(UserAccount::getUsername)
                .toList()).orElse(java.util.List.of());
    }
}
