package vn.childguard.reporting.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;

/** Each role's home page, showing only things that exist in the system. */
@Controller
class HomeController {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final OrganisationDirectory directory;
    private final AuditLog audit;

    HomeController(OrganisationDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/")
    String home(CurrentUser user, Locale locale, Model model) {
        model.addAttribute("roles", user.roles().stream().sorted().toList());
        model.addAttribute("jurisdictionName", directory.unitName(user.jurisdictionCode(), locale)
                .orElse(user.jurisdictionCode()));
        model.addAttribute("zone", VIETNAM);
        if (user.has(Role.SYSTEM_ADMIN)) {
            var counts = directory.counts();
            Map<String, Long> shown = new LinkedHashMap<>();
            shown.put("agencies", counts.agencies());
            shown.put("users", counts.users());
            shown.put("units", counts.adminUnits());
            shown.put("referenceItems", counts.referenceItems());
            model.addAttribute("counts", shown);
        }
        if (user.has(Role.AUDITOR)) {
            model.addAttribute("securityEvents", audit.latest(AuditLog.Actions.SECURITY, 10));
        }
        return "reporting/home";
    }

}
