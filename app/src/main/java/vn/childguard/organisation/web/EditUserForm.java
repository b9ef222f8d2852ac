package vn.childguard.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.childguard.organisation.Role;
import vn.childguard.organisation.internal.UserAccount;
import vn.childguard.organisation.internal.UserAdministration.UserData;

/** Changes to an account; {@code version} is the one the administrator started from. */
record EditUserForm(
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 200, message = "{organisation.admin.validation.tooLong}") String fullName,
        @Email(message = "{organisation.admin.validation.email}")
        @Size(max = 200, message = "{organisation.admin.validation.tooLong}") String email,
        @NotNull(message = "{organisation.admin.validation.required}") Long agencyId,
        @Size(max = 16, message = "{organisation.admin.validation.tooLong}") String jurisdictionCode,
        @NotEmpty(message = "{organisation.admin.validation.roles}") Set<Role> roles,
        @NotNull Long version) {

    static EditUserForm of(UserAccount account) {
        return new EditUserForm(account.getFullName(), account.getEmail(), account.getAgencyId(),
                account.getJurisdictionCode(), Set.copyOf(account.getRoles()), account.getVersion());
    }

    UserData data() {
        return new UserData(fullName, email, agencyId, jurisdictionCode, roles);
    }
}
