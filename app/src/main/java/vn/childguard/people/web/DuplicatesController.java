package vn.childguard.people.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.internal.PeopleService;

/** The supervisor's list of likely duplicates: merge (choosing who survives) or dismiss. */
@Controller
@PreAuthorize("hasRole('CASE_SUPERVISOR')")
class DuplicatesController {

    private final PeopleService people;

    DuplicatesController(PeopleService people) {
        this.people = people;
    }

    @GetMapping("/people/duplicates")
    String duplicates(Model model) {
        model.addAttribute("pairs", people.duplicates());
        return "people/duplicates";
    }

    @PostMapping("/people/duplicates/merge")
    String merge(@RequestParam long survivor, @RequestParam long merged, RedirectAttributes redirect) {
        try {
            people.merge(survivor, merged);
            redirect.addFlashAttribute("flash", "people.duplicates.merged");
            return "redirect:/people/" + survivor;
        } catch (InvalidPersonException e) {
            redirect.addFlashAttribute("flash", "people.error.merge.state");
            return "redirect:/people/duplicates";
        }
    }

    @PostMapping("/people/duplicates/dismiss")
    String dismiss(@RequestParam long first, @RequestParam long second, RedirectAttributes redirect) {
        people.dismiss(first, second);
        redirect.addFlashAttribute("flash", "people.duplicates.dismissed");
        return "redirect:/people/duplicates";
    }
}
