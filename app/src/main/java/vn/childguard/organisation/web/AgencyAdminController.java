package vn.childguard.organisation.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.internal.Agency;
import vn.childguard.organisation.internal.AgencyAdministration;
import vn.childguard.organisation.internal.RejectedInput;

/** {@code /admin/agencies}: list, search, create, edit and disable agencies. Administrators only. */
@Controller
@RequestMapping("/admin/agencies")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AgencyAdminController {

    private static final String LIST = "organisation/admin/agencies";
    private static final String FORM = "organisation/admin/agency-form";

    private final AgencyAdministration agencies;
    private final MessageSource messages;
    private final Clock clock;

    AgencyAdminController(AgencyAdministration agencies, MessageSource messages, Clock clock) {
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) AgencyKind kind,
                @PageableDefault(size = 25, sort = "code") Pageable pageable, Locale locale, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", kinds(locale));
        model.addAttribute("page", agencies.search(q, kind, pageable));
        model.addAttribute("administration", agencies);
        return LIST;
    }

    @GetMapping("/new")
    String createForm(Locale locale, Model model) {
        model.addAttribute("form", CreateAgencyForm.empty(LocalDate.now(clock)));
        return form(model, null, locale);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CreateAgencyForm form, BindingResult result, CurrentUser user,
                  Locale locale, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Agency created = agencies.create(user, form.code(), form.data());
                redirect.addFlashAttribute("flash", "organisation.admin.agencies.flash.created");
                return "redirect:/admin/agencies/" + created.getId();
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            }
        }
        return form(model, null, locale);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Locale locale, Model model) {
        Agency agency = find(id);
        model.addAttribute("form", EditAgencyForm.of(agency));
        return form(model, agency, locale);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") EditAgencyForm form, BindingResult result,
                  CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        Agency agency = find(id);
        if (!result.hasErrors()) {
            try {
                agencies.update(user, id, form.version(), form.data());
                redirect.addFlashAttribute("flash", "organisation.admin.agencies.flash.updated");
                return "redirect:/admin/agencies/" + id;
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            } catch (OptimisticLockingFailureException stale) {
                AdminForms.rejectStale(result, stale);
            }
        }
        return form(model, agency, locale);
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        find(id);
        agencies.disable(user, id);
        redirect.addFlashAttribute("flash", "organisation.admin.agencies.flash.disabled");
        return "redirect:/admin/agencies/" + id;
    }

    private Agency find(long id) {
        return agencies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, Agency agency, Locale locale) {
        model.addAttribute("agency", agency);
        model.addAttribute("active", agency != null && agencies.isActive(agency));
        model.addAttribute("kinds", kinds(locale));
        model.addAttribute("agencies", AdminForms.options(
                agencies.all().stream().filter(a -> agency == null || !a.getId().equals(agency.getId())).toList(),
                Agency::getId, a -> a.getCode() + " — " + a.name(locale)));
        return FORM;
    }

    private java.util.List<AdminForms.Option> kinds(Locale locale) {
        return AdminForms.options(Arrays.asList(AgencyKind.values()), AgencyKind::name,
                k -> messages.getMessage("AgencyKind." + k.name(), null, locale));
    }
}
