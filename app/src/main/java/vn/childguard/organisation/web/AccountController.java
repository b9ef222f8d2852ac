package vn.childguard.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.internal.TotpEnrolment;

/** The user's own account: second-factor enrolment. */
@Controller
class AccountController {

    private final TotpEnrolment enrolment;

    AccountController(TotpEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @GetMapping("/account/totp")
    String totp(CurrentUser user, Model model) {
        if (enrolment.isEnrolled(user.id())) {
            model.addAttribute("enrolled", true);
        } else {
            model.addAttribute("pending", enrolment.start(user.id()));
        }
        return "auth/totp";
    }

    @PostMapping("/account/totp")
    String confirm(CurrentUser user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!enrolment.confirm(user.id(), code)) {
            model.addAttribute("codeError", "account.totp.error.code");
            model.addAttribute("pending", enrolment.start(user.id()));
            return "auth/totp";
        }
        new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.getContext(), request, response);
        redirect.addFlashAttribute("flash", "account.totp.enrolled");
        return "redirect:/";
    }
}
