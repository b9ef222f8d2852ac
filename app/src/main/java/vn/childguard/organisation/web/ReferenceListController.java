package vn.childguard.organisation.web;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
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
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.internal.ReferenceItem;
import vn.childguard.organisation.internal.ReferenceListAdministration;
import vn.childguard.organisation.internal.RejectedInput;

/** {@code /admin/reference}: the code lists, their items, adding, editing, disabling. Administrators only. */
@Controller
@RequestMapping("/admin/reference")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ReferenceListController {

    private static final String LIST = "organisation/admin/reference";
    private static final String FORM = "organisation/admin/reference-item-form";

    private final ReferenceListAdministration lists;

    ReferenceListController(ReferenceListAdministration lists) {
        this.lists = lists;
    }

    @GetMapping
    String list(@RequestParam(required = false) String list, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("lists", lists.listCodes());
        model.addAttribute("list", list);
        model.addAttribute("q", q);
        if (list != null && !list.isBlank()) {
            requireList(list);
            model.addAttribute("items", lists.items(list, q));
        }
        return LIST;
    }

    @GetMapping("/{list}/new")
    String createForm(@PathVariable String list, Model model) {
        requireList(list);
        model.addAttribute("form", CreateReferenceItemForm.empty());
        return form(model, list, null);
    }

    @PostMapping("/{list}")
    String create(@PathVariable String list, @Valid @ModelAttribute("form") CreateReferenceItemForm form,
                  BindingResult result, CurrentUser user, Model model, RedirectAttributes redirect) {
        requireList(list);
        if (!result.hasErrors()) {
            try {
                ReferenceItem created = lists.create(user, list, form.code(), form.data());
                redirect.addFlashAttribute("flash", "organisation.admin.reference.flash.created");
                return "redirect:/admin/reference/items/" + created.getId();
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            }
        }
        return form(model, list, null);
    }

    @GetMapping("/items/{id}")
    String editForm(@PathVariable long id, Model model) {
        ReferenceItem item = find(id);
        model.addAttribute("form", EditReferenceItemForm.of(item));
        return form(model, item.getListCode(), item);
    }

    @PostMapping("/items/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") EditReferenceItemForm form,
                  BindingResult result, CurrentUser user, Model model, RedirectAttributes redirect) {
        ReferenceItem item = find(id);
        if (!result.hasErrors()) {
            try {
                lists.update(user, id, form.version(), form.data());
                redirect.addFlashAttribute("flash", "organisation.admin.reference.flash.updated");
                return "redirect:/admin/reference/items/" + id;
            } catch (RejectedInput rejected) {
                AdminForms.reject(result, rejected);
            } catch (OptimisticLockingFailureException stale) {
                AdminForms.rejectStale(result, stale);
            }
        }
        return form(model, item.getListCode(), item);
    }

    @PostMapping("/items/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, CurrentUser user,
                      RedirectAttributes redirect) {
        find(id);
        lists.setEnabled(user, id, enabled);
        redirect.addFlashAttribute("flash", enabled ? "organisation.admin.reference.flash.enabled"
                : "organisation.admin.reference.flash.disabled");
        return "redirect:/admin/reference/items/" + id;
    }

    private void requireList(String list) {
        if (!lists.listCodes().contains(list)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private ReferenceItem find(long id) {
        return lists.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, String list, ReferenceItem item) {
        model.addAttribute("list", list);
        model.addAttribute("item", item);
        return FORM;
    }
}
