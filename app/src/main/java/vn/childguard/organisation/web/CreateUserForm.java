package vn.childguard.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.childguard.organisation.Role;
import vn.childguard.organisation.internal.UserAdministration.UserData;

/**
 * A new account as typed on {@code /admin/users/new}. The password's strength is checked by the
 * password policy in the service, so its reasons appear next to the field like any other error.
 */
record CreateUserForm(
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 64, message = "{organisation.admin.validation.tooLong}") String username,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 200, message = "{organisation.admin.validation.tooLong}") String fullName,
        @Email(message = "{organisation.admin.validation.email}")
        @Size(max = 200, message = "{organisation.admin.validation.tooLong}") String email,
        @NotNull(message = "{organisation.admin.validation.required}") Long agencyId,
        @Size(max = 16, message = "{organisation.admin.validation.tooLong}") String jurisdictionCode,
        @NotEmpty(message = "{organisation.admin.validation.roles}") Set<Role> roles,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 200, message = "{organisation.admin.validation.tooLong}") String password) {

    static CreateUserForm empty() {
        return new CreateUserForm(null, null, null, null, null, Set.of(), null);
    }

    UserData data() {
        return new UserData(fullName, email, agencyId, jurisdictionCode, roles);
    }
}
