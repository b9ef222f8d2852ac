package vn.childguard.organisation.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import vn.childguard.organisation.Role;
import vn.childguard.shared.PersonalData;

/**
 * A person who signs in. Lifecycle: created enabled by an administrator; failed logins count up and
 * lock the account for a while at the limit; a success resets the count; TOTP is enrolled by the
 * user; disabling keeps the account (and its audit trail) but refuses every login.
 */
@PersonalData(table = "app_user", sensitive = false,
        category = "staff name, e-mail, phone, sign-in data",
        purpose = "sign-in, accountability of each access",
        legalBasis = "Law 91/2025 (processing for the agency's duties)",
        retention = "while the account exists; disabled, not deleted",
        visibleTo = {"SYSTEM_ADMIN", "AUDITOR"})
@PersonalData(table = "app_user_aud", sensitive = false,
        category = "history of staff account changes",
        purpose = "accountability of administration",
        legalBasis = "Law 91/2025 (security measures)",
        retention = "as the audit log",
        visibleTo = {"AUDITOR"})
@Entity
@Audited
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "full_name")
    private String fullName;
    private String email;
    @Column(name = "agency_id")
    private Long agencyId;
    @Column(name = "jurisdiction_code")
    private String jurisdictionCode;
    @NotAudited
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean enabled = true;
    @NotAudited
    @Column(name = "failed_logins")
    private int failedLogins;
    @NotAudited
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @NotAudited
    @Column(name = "totp_secret")
    private String totpSecret;
    @Column(name = "totp_enabled")
    private boolean totpEnabled;
    @NotAudited
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @NotAudited
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();
    @Version
    @NotAudited
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    void update(String fullName, String email, Long agencyId, String jurisdictionCode, Set<Role> roles) {
        this.fullName = fullName;
        this.email = email;
        this.agencyId = agencyId;
        this.jurisdictionCode = jurisdictionCode;
        this.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
    }

    void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Counts a failed login; returns true when this failure locks the account. */
    boolean recordFailedLogin(int limit, Duration lockout, Instant now) {
        failedLogins++;
        if (failedLogins >= limit) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void startTotpEnrolment(String encryptedSecret) {
        this.totpSecret = encryptedSecret;
        this.totpEnabled = false;
    }

    void confirmTotp() {
        this.totpEnabled = true;
    }

    void resetTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getJurisdictionCode() {
        return jurisdictionCode;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public long getVersion() {
        return version;
    }
}
