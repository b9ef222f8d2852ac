package vn.childguard.organisation.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.internal.AgencyDirectory;

/** An agency's page: what it is, where it sits, who works there. */
@Controller
class AgencyController {

    private final AgencyDirectory directory;

    AgencyController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/organisation/agencies/{id}")
    String agency(@PathVariable long id, CurrentUser user, Model model) {
        var view = directory.view(user, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", view);
        return "organisation/agency";
    }
}
