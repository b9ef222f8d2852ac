package vn.childguard.organisation.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.organisation.internal.Agency;
import vn.childguard.organisation.internal.AgencyAdministration;
import vn.childguard.organisation.internal.RejectedInput;
import vn.childguard.organisation.internal.UserAccount;
import vn.childguard.organisation.internal.UserAdministration;

/**
 * {@code /admin/users}: list, search, create and edit accounts; disable or enable them, lift a
 * lockout, reset a lost second factor. Administrators only.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UserAdminController {

    private static final String LIST = "organisation/admin/users";
    private static final String FORM = "organisation/admin/user-form";

    private final UserAdministration users;
    private final AgencyAdministration agencies;
    private final MessageSource messages;

    UserAdminController(UserAdministration users, AgencyAdministration agencies, MessageSource messages) {
        this.users = users;
        this.agencies = agencies;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long agency,
                @RequestParam(required = false) Role role,
                @PageableDefault(size = 25, sort = "username") Pageable pageable, Locale locale, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        model.addAttribute("role", role);
        model.addAttribute("agencies", agencyOptions(locale));
        model.addAttribute("roles", roles(locale));
        model.addAttribute("page", users.search(q, agency, role, pageable));
        return LIST;
    }

    @GetMapping("/new")
    String createForm(Locale locale, Model model) {
        model.addAttribute("form", CreateUserForm.empty());
        return form(model, null, locale);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CreateUserForm form, BindingResult result, CurrentUser user,
                  Locale locale, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("password")) {
            // added as errors, not rejected values: the form may be empty when another field did not convert
            users.passwordViolations(form.password(), form.username()).forEach(k -> result.addError(
                    new FieldError("form", "password", null, false, new String[] {k}, null, k)));
        }
        if (!result.hasErrors()) {
            try {
                UserAccount created = users.create(user, form.username(), form.data(), form.password());
                redirect.addFlashAttribute("flash", "organisation.admin.users.flash.created");
                return "redirect:/admin/users/" + created.getId();
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            }
        }
        return form(model, null, locale);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Locale locale, Model model) {
        var row = find(id);
        model.addAttribute("form", EditUserForm.of(row.account()));
        return form(model, row, locale);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult result,
                  CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        var row = find(id);
        if (!result.hasErrors()) {
            try {
                users.update(user, id, form.version(), form.data());
                redirect.addFlashAttribute("flash", "organisation.admin.users.flash.updated");
                return "redirect:/admin/users/" + id;
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            } catch (OptimisticLockingFailureException stale) {
                AdminForms.rejectStale(result, stale);
            }
        }
        return form(model, row, locale);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, CurrentUser user,
                      RedirectAttributes redirect) {
        find(id);
        try {
            users.setEnabled(user, id, enabled);
            redirect.addFlashAttribute("flash", enabled ? "organisation.admin.users.flash.enabled"
                    : "organisation.admin.users.flash.disabled");
        } catch (RejectedInput rejected) {
            redirect.addFlashAttribute("flashError", rejected.problems().getFirst().code());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        find(id);
        users.unlock(user, id);
        redirect.addFlashAttribute("flash", "organisation.admin.users.flash.unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/totp-reset")
    String resetTotp(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        find(id);
        users.resetTotp(user, id);
        redirect.addFlashAttribute("flash", "organisation.admin.users.flash.totpReset");
        return "redirect:/admin/users/" + id;
    }

    private UserAdministration.UserRow find(long id) {
        return users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, UserAdministration.UserRow row, Locale locale) {
        model.addAttribute("row", row);
        model.addAttribute("agencies", agencyOptions(locale));
        model.addAttribute("roles", roles(locale));
        model.addAttribute("passwordMinLength", users.passwordMinLength());
        return FORM;
    }

    private java.util.List<AdminForms.Option> agencyOptions(Locale locale) {
        return AdminForms.options(agencies.all(), Agency::getId, a -> a.getCode() + " — " + a.name(locale));
    }

    private java.util.List<AdminForms.Option> roles(Locale locale) {
        return AdminForms.options(Arrays.asList(Role.values()), Role::name,
                r -> messages.getMessage("Role." + r.name(), null, locale));
    }
}
