package vn.childguard.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The break-the-glass form that a module's record page shows instead of a bare refusal. */
public final class EmergencyRequestPage {

    private EmergencyRequestPage() {
    }

    /**
     * Fills the model for the form that posts to {@code recordPath + "/emergency-access"}, keeping a
     * typed reason and its error, and answers the template's name.
     */
    public static String show(Model model, String recordPath, long hours, String reason, String error) {
        model.addAttribute("emergencyAction", recordPath + "/emergency-access");
        model.addAttribute("emergencyHours", hours);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", error);
        return "audit/emergency-request";
    }

    /**
     * Runs the module's grant (which checks the reason) and answers the record's page, or the form again
     * with the reason's error and 400 when the reason is refused.
     */
    public static String grant(Runnable grant, String recordPath, long hours, String reason, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        try {
            grant.run();
        } catch (EmergencyAccess.InvalidReason e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, recordPath, hours, reason, e.messageKey());
        }
        redirect.addFlashAttribute("flash", "emergency.flash.opened");
        return "redirect:" + recordPath;
    }
}
