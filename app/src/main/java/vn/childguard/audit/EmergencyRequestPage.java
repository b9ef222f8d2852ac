package vn.childguard.audit;

import org.springframework.ui.Model;

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
}
