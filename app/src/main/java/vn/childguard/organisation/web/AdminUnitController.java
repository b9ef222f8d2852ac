package vn.childguard.organisation.web;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.childguard.organisation.internal.AdminUnitBrowser;

/** {@code /admin/units}: read-only browser of administrative units. Administrators only. */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AdminUnitController {

    private final AdminUnitBrowser units;

    AdminUnitController(AdminUnitBrowser units) {
        this.units = units;
    }

    @GetMapping("/admin/units")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
                @RequestParam(required = false) String parent,
                @PageableDefault(size = 50, sort = "code") Pageable pageable, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("parent", parent);
        model.addAttribute("levels", units.levels());
        model.addAttribute("provinces", units.provinces());
        model.addAttribute("page", units.search(q, level, parent, pageable));
        return "organisation/admin/units";
    }
}
