package vn.childguard.trafficking.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.trafficking.internal.Entitlements;
import vn.childguard.trafficking.internal.TraffickingRuleException;
import vn.childguard.trafficking.internal.TraffickingService;

/** Administrators keep the support amounts (unconfirmed figures, with effective dates) as data. */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class TraffickingAmountsController {

    private final TraffickingService service;

    TraffickingAmountsController(TraffickingService service) {
        this.service = service;
    }

    @GetMapping("/admin/trafficking-amounts")
    String list(Model model) {
        prepare(Map.of(), Map.of(), model);
        return "trafficking/amounts";
    }

    private void prepare(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("amounts", service.amounts());
        model.addAttribute("benefits", Entitlements.Benefit.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/admin/trafficking-amounts")
    String add(@RequestParam Map<String, String> params, CurrentUser user, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        try {
            service.addAmount(user, params.get("benefit"), Dates.amount(params.get("amountVnd"), "amountVnd"),
                    params.get("amountUnit"), Dates.parse(params.get("effectiveFrom"), "effectiveFrom"),
                    Dates.parse(params.get("effectiveTo"), "effectiveTo"), params.get("note"));
            redirect.addFlashAttribute("flash", "trafficking.flash.saved");
            return "redirect:/admin/trafficking-amounts";
        } catch (TraffickingRuleException.Invalid e) {
            response.setStatus(400);
            prepare(params, e.errors(), model);
            return "trafficking/amounts";
        }
    }
}
