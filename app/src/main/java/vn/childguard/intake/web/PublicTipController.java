package vn.childguard.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.PublicTips;
import vn.childguard.intake.internal.TipDraft;
import vn.childguard.intake.internal.TipLimits;
import vn.childguard.intake.internal.TipStatus;
import vn.childguard.intake.internal.TipValidation;
import vn.childguard.intake.internal.TipValidation.Step;
import vn.childguard.organisation.OrganisationDirectory;

/**
 * The public tip form: no account, no script, one question per page (GOV.UK pattern), answers kept
 * in the session, a check-answers page with "change" links, and a tracking code that later shows
 * only the status. Every page offers a quick exit to a neutral site.
 */
@Controller
class PublicTipController {

    static final String DRAFT = "intake.tipDraft";

    /** A commune to choose, already named in the visitor's language. */
    record Option(String value, String label) {
    }

    private final PublicTips tips;
    private final TipLimits limits;
    private final IntakeService intake;
    private final OrganisationDirectory directory;

    PublicTipController(PublicTips tips, TipLimits limits, IntakeService intake, OrganisationDirectory directory) {
        this.tips = tips;
        this.limits = limits;
        this.intake = intake;
        this.directory = directory;
    }

    @GetMapping("/tip")
    String start() {
        return "tip/start";
    }

    @GetMapping("/tip/{step:what|where|when|child|contact}")
    String question(@PathVariable String step, @RequestParam(required = false) String change, HttpSession session,
                    Locale locale, Model model) {
        return page(Step.valueOf(step.toUpperCase(Locale.ROOT)), draft(session), Map.of(), change != null, locale, model);
    }

    @PostMapping("/tip/{step:what|where|when|child|contact}")
    String answer(@PathVariable String step, @RequestParam(required = false) String change,
                  @RequestParam Map<String, String> params, HttpSession session, Locale locale, Model model,
                  HttpServletResponse response) {
        Step current = Step.valueOf(step.toUpperCase(Locale.ROOT));
        TipDraft draft = draft(session);
        TipDraft typed = copy(draft);
        switch (current) {
            case WHAT -> typed.setNarrative(params.get("narrative"));
            case WHERE -> {
                typed.setUnitCode(params.get("unitCode"));
                typed.setPlace(params.get("place"));
            }
            case WHEN -> {
                typed.setWhen(params.get("when"));
                typed.setDate(params.get("date"));
            }
            case CHILD -> {
                typed.setChildName(params.get("childName"));
                typed.setChildAge(params.get("childAge"));
            }
            case CONTACT -> {
                typed.setContactChoice(params.get("contactChoice"));
                typed.setContactName(params.get("contactName"));
                typed.setContactPhone(params.get("contactPhone"));
            }
        }
        Map<String, String> errors = TipValidation.check(current, typed, tips.communeCodes(),
                IntakeService.today(intake.clock()));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(current, typed, errors, change != null, locale, model);
        }
        session.setAttribute(DRAFT, typed);
        if (change != null || current == Step.CONTACT) {
            return "redirect:/tip/check";
        }
        return "redirect:/tip/" + Step.values()[current.ordinal() + 1].name().toLowerCase(Locale.ROOT);
    }

    @GetMapping("/tip/check")
    String check(HttpSession session, Locale locale, Model model) {
        TipDraft draft = draft(session);
        Step missing = TipValidation.firstIncomplete(draft, tips.communeCodes(), IntakeService.today(intake.clock()));
        if (missing != null) {
            return "redirect:/tip/" + missing.name().toLowerCase(Locale.ROOT);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("unitName", directory.unitName(draft.getUnitCode(), locale).orElse(draft.getUnitCode()));
        return "tip/check";
    }

    @PostMapping("/tip/check")
    String submit(HttpSession session, HttpServletRequest request, RedirectAttributes redirect) {
        TipDraft draft = draft(session);
        Step missing = TipValidation.firstIncomplete(draft, tips.communeCodes(), IntakeService.today(intake.clock()));
        if (missing != null) {
            return "redirect:/tip/" + missing.name().toLowerCase(Locale.ROOT);
        }
        limits.submission(request.getRemoteAddr());
        String code = tips.submit(draft);
        session.removeAttribute(DRAFT);
        redirect.addFlashAttribute("trackingCode", code);
        return "redirect:/tip/done";
    }

    @GetMapping("/tip/done")
    String done(Model model) {
        return model.containsAttribute("trackingCode") ? "tip/done" : "redirect:/tip";
    }

    @GetMapping("/tip/status")
    String status(@RequestParam(required = false) String code, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code == null) {
            return "tip/status";
        }
        if (code.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", "intake.tip.error.code.required");
            return "tip/status";
        }
        if (vn.childguard.intake.internal.TrackingCodes.normalise(code) == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeError", "intake.tip.error.code.format");
            return "tip/status";
        }
        limits.lookup(request.getRemoteAddr());
        TipStatus status = tips.status(code).orElse(null);
        if (status == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("codeError", "intake.tip.error.code.unknown");
            return "tip/status";
        }
        model.addAttribute("status", status);
        return "tip/status";
    }

    private String page(Step step, TipDraft draft, Map<String, String> errors, boolean change, Locale locale,
                        Model model) {
        model.addAttribute("step", step.name().toLowerCase(Locale.ROOT));
        model.addAttribute("stepNumber", step.ordinal() + 1);
        model.addAttribute("stepCount", Step.values().length);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("change", change);
        model.addAttribute("back", step == Step.WHAT ? "/tip" : change ? "/tip/check"
                : "/tip/" + Step.values()[step.ordinal() - 1].name().toLowerCase(Locale.ROOT));
        if (step == Step.WHERE) {
            model.addAttribute("communes", communes(intake, directory, locale));
        }
        return "tip/question";
    }

    static List<Option> communes(IntakeService intake, OrganisationDirectory directory, Locale locale) {
        return intake.communeCommittees().stream()
                .map(a -> new Option(a.areaCode(), directory.unitName(a.areaCode(), locale).orElse(a.areaCode())))
                .sorted(Comparator.comparing((Option o) -> vn.childguard.shared.VietnameseText.fold(o.label())))
                .toList();
    }

    private static TipDraft draft(HttpSession session) {
        Object draft = session.getAttribute(DRAFT);
        return draft instanceof TipDraft d ? d : new TipDraft();
    }

    private static TipDraft copy(TipDraft d) {
        TipDraft c = new TipDraft();
        c.setNarrative(d.getNarrative());
        c.setUnitCode(d.getUnitCode());
        c.setPlace(d.getPlace());
        c.setWhen(d.getWhen());
        c.setDate(d.getDate());
        c.setChildName(d.getChildName());
        c.setChildAge(d.getChildAge());
        c.setContactChoice(d.getContactChoice());
        c.setContactName(d.getContactName());
        c.setContactPhone(d.getContactPhone());
        return c;
    }
}
