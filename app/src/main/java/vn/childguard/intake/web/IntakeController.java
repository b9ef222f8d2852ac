package vn.childguard.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.intake.internal.Inputs;
import vn.childguard.intake.internal.IntakeRecord;
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.IntakeValidation;
import vn.childguard.intake.internal.NewIntake;
import vn.childguard.intake.internal.PublicTips;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonCandidate;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;

/**
 * Reports on screen: the list of the agency's reports with urgency and time since reception, the
 * report itself (Form 01), the hotline operator's single-page form with search-before-create of the
 * child (works without JavaScript: "search" re-renders the page with the matches), and the public
 * tips waiting for an operator.
 */
@Controller
@PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER', 'CASE_SUPERVISOR')")
class IntakeController {

    private static final int PAGE_SIZE = 50;

    static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final int CANDIDATES = 5;

    /** A choice in a select, already translated. */
    record Option(String value, String label) {
    }

    /** A row of the list. */
    record Row(long id, String reference, String receivedAt, String elapsed, String channel, String unit,
               String urgency, String status, String routedTo, boolean awaitingCase) {
    }

    /** A person named on the report, as the page shows them. */
    record Named(String label, String part) {
    }

    private final IntakeService intake;
    private final PublicTips tips;
    private final PersonRegister people;
    private final OrganisationDirectory directory;
    private final MessageSource messages;

    IntakeController(IntakeService intake, PublicTips tips, PersonRegister people, OrganisationDirectory directory,
                     MessageSource messages) {
        this.intake = intake;
        this.tips = tips;
        this.people = people;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/intakes")
    String list(@RequestParam(defaultValue = "0") int page, CurrentUser user, Locale locale, Model model) {
        Instant now = intake.clock().instant();
        var found = intake.list(user, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        List<Row> rows = found.getContent().stream().map(r -> new Row(r.id(), r.reference(),
                SHOWN.format(r.receivedAt().atZone(IntakeService.VIETNAM)), elapsed(r.receivedAt(), now, locale),
                channelName(r.channel(), locale), unitName(r.unitCode(), locale), r.urgency().name(), r.status().name(),
                agencyName(r.routedAgencyCode(), locale),
                r.status() == IntakeRecord.Status.ROUTED && user.agencyCode().equals(r.routedAgencyCode()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", found);
        return "intake/list";
    }

    /** Open to any signed-in user: the service decides and audits the refusal too. */
    @GetMapping("/intakes/{id:\\d+}")
    @PreAuthorize("isAuthenticated()")
    String view(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
        // a report that does not exist is refused like one the user may not see, so ids cannot be probed
        IntakeRecord r = intake.view(user, id).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("intake " + id));
        Map<String, String> partNames = new HashMap<>();
        intake.parts().forEach(p -> partNames.put(p.code(), p.name(locale)));
        List<Named> named = r.involved().stream().map(i -> new Named(
                people.label(i.personId()).orElse("#" + i.personId()), partNames.getOrDefault(i.part(), i.part())))
                .toList();
        model.addAttribute("report", r);
        model.addAttribute("named", named);
        model.addAttribute("receivedAt", SHOWN.format(r.receivedAt().atZone(IntakeService.VIETNAM)));
        model.addAttribute("routedAt", SHOWN.format(r.routedAt().atZone(IntakeService.VIETNAM)));
        model.addAttribute("elapsed", elapsed(r.receivedAt(), intake.clock().instant(), locale));
        model.addAttribute("channel", channelName(r.channel(), locale));
        model.addAttribute("unit", unitName(r.unitCode(), locale));
        model.addAttribute("routedTo", agencyName(r.routedAgencyCode(), locale));
        model.addAttribute("competent", r.competentAgencyCode() == null ? null : agencyName(r.competentAgencyCode(), locale));
        model.addAttribute("receivingAgency", agencyName(r.receivingAgencyCode(), locale));
        return "intake/view";
    }

    @GetMapping("/intakes/new")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    String newForm(@RequestParam(required = false) Long tip, CurrentUser user, Locale locale, Model model) {
        IntakeForm form = new IntakeForm();
        form.setReceivedAt(LOCAL_MINUTE.format(LocalDateTime.ofInstant(intake.clock().instant(), IntakeService.VIETNAM)));
        form.setChannel("TD111".equals(user.agencyCode()) ? "HOTLINE_111" : null);
        if (tip != null) {
            PublicTips.Tip t = tips.read(user, tip).orElseThrow(() -> new NoSuchElementException("tip " + tip));
            form.setTipId(t.id());
            form.setChannel("PUBLIC_WEB");
            form.setReceivedAt(LOCAL_MINUTE.format(LocalDateTime.ofInstant(t.createdAt(), IntakeService.VIETNAM)));
            form.setNarrative(t.narrative());
            form.setUnitCode(t.unitCode());
            form.setPlace(t.place());
            form.setOccurredOn(t.occurredOn() == null ? null : t.occurredOn().toString());
            form.setReporterAnonymous(t.contactPhone() == null && t.contactName() == null);
            form.setReporterName(t.contactName());
            form.setReporterContact(t.contactPhone());
            form.getPeople().getFirst().setName(t.childName());
            form.getPeople().getFirst().setAge(t.childAge() == null ? null : t.childAge().toString());
        }
        return page(form, Map.of(), locale, model);
    }

    @PostMapping("/intakes/new")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    String save(@ModelAttribute("form") IntakeForm form, BindingResult result,
                @RequestParam(defaultValue = "save") String action, CurrentUser user, Locale locale, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        form.normalise();
        Map<Integer, List<PersonCandidate>> candidates = new HashMap<>();
        if (action.startsWith("search-")) {
            int index = Integer.parseInt(action.substring("search-".length())) == 1 ? 1 : 0;
            IntakeForm.PersonEntry entry = form.getPeople().get(index);
            if (Inputs.blank(entry.getName())) {
                result.rejectValue("people[" + index + "].name", "intake.error.person.name");
            } else {
                candidates.put(index, people.candidates(query(entry), CANDIDATES));
                entry.setChoice(null);
            }
            // the other block keeps its matches on screen while the operator works on this one
            int other = 1 - index;
            if (!Inputs.blank(form.getPeople().get(other).getName()) && !Inputs.blank(form.getPeople().get(other).getChoice())) {
                candidates.put(other, people.candidates(query(form.getPeople().get(other)), CANDIDATES));
            }
            if (result.hasErrors()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return page(form, candidates, locale, model);
        }
        IntakeValidation.Codes codes = intake.codes();
        Instant receivedAt = receivedAt(form.getReceivedAt());
        LocalDate occurredOn = Inputs.blank(form.getOccurredOn()) ? null : Inputs.date(form.getOccurredOn());
        IntakeValidation.check(form.getChannel(), receivedAt, !Inputs.blank(form.getReceivedAt()),
                form.isReporterAnonymous(), form.getReporterName(), form.getReporterContact(), occurredOn,
                !Inputs.blank(form.getOccurredOn()), form.getUnitCode(), form.getPlace(), form.getNarrative(),
                form.getUrgency(), form.getCompetentAgencyCode(), codes)
                .forEach((field, key) -> result.rejectValue(field, key));
        List<NewIntake.Involvement> involved = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NewIntake.Involvement person = person(i, form.getPeople().get(i), result, candidates, codes.today());
            if (person != null) {
                involved.add(person);
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(form, candidates, locale, model);
        }
        IntakeRecord saved;
        try {
            saved = intake.record(user, new NewIntake(form.getChannel().strip(), receivedAt, form.isReporterAnonymous(),
                    form.getReporterName(), form.getReporterContact(), occurredOn, form.getUnitCode().strip(),
                    form.getPlace(), form.getNarrative(), IntakeValidation.urgency(form.getUrgency()),
                    form.isAbuserIsCarer(), Inputs.clean(form.getCompetentAgencyCode()), involved, form.getTipId()));
        } catch (IntakeService.IntakeException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            result.reject(e.messageKey());
            return page(form, candidates, locale, model);
        } catch (vn.childguard.people.InvalidPersonException e) {
            // the register refused a new person: show its reasons on the form
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            e.errors().values().forEach(result::reject);
            return page(form, candidates, locale, model);
        }
        redirect.addFlashAttribute("flash", "intake.saved");
        return "redirect:/intakes/" + saved.id();
    }

    @GetMapping("/intakes/tips")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    String tipList(CurrentUser user, Locale locale, Model model) {
        model.addAttribute("tips", tips.open(user));
        model.addAttribute("units", unitNames(locale));
        return "intake/tips";
    }

    @GetMapping("/intakes/tips/{id}")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    String tip(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
        PublicTips.Tip tip = tips.read(user, id).orElseThrow(() -> new NoSuchElementException("tip " + id));
        model.addAttribute("tip", tip);
        model.addAttribute("unit", unitName(tip.unitCode(), locale));
        model.addAttribute("createdAt", SHOWN.format(tip.createdAt().atZone(IntakeService.VIETNAM)));
        return "intake/tip";
    }

    @PostMapping("/intakes/tips/{id}/close")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    String closeTip(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        tips.close(user, id);
        redirect.addFlashAttribute("flash", "intake.tip.closed");
        return "redirect:/intakes/tips";
    }

    /** Checks one person block; returns what to record, or null (nothing typed, or an error was rejected). */
    private NewIntake.Involvement person(int i, IntakeForm.PersonEntry entry, BindingResult result,
                                         Map<Integer, List<PersonCandidate>> candidates, LocalDate today) {
        if (entry.isEmpty()) {
            return null;
        }
        String prefix = "people[" + i + "].";
        int before = result.getErrorCount();
        if (Inputs.blank(entry.getName())) {
            result.rejectValue(prefix + "name", "intake.error.person.name");
        } else if (entry.getName().strip().length() > IntakeValidation.SHORT_MAX) {
            result.rejectValue(prefix + "name", "intake.error.tooLong");
        }
        if (!Inputs.blank(entry.getBirthDate()) && birthDate(entry.getBirthDate(), today) == null) {
            result.rejectValue(prefix + "birthDate", "intake.error.person.birthDate");
        }
        Integer age = Inputs.integer(entry.getAge());
        if (!Inputs.blank(entry.getAge()) && (age == null || age > 120)) {
            result.rejectValue(prefix + "age", "intake.error.person.age");
        }
        if (!Inputs.blank(entry.getSex()) && !List.of("F", "M").contains(entry.getSex())) {
            result.rejectValue(prefix + "sex", "intake.error.person.sex");
        }
        if (i == 1 && !intake.parts().stream().map(ReferenceLists.Item::code).toList().contains(entry.getPart())) {
            result.rejectValue(prefix + "part", "intake.error.part.unknown");
        }
        if (result.getErrorCount() > before) {
            return null;
        }
        // search before create: the register is always asked, and an id is accepted only among its matches
        List<PersonCandidate> found = people.candidates(query(entry), CANDIDATES);
        String choice = Inputs.clean(entry.getChoice());
        if (choice == null) {
            if (!found.isEmpty()) {
                candidates.put(i, found);
                result.rejectValue(prefix + "choice", "intake.error.person.choose");
                return null;
            }
            choice = "new";
        }
        if ("new".equals(choice)) {
            return new NewIntake.Involvement(null, new NewPerson(entry.getName().strip(),
                    birthDate(entry.getBirthDate(), today), Inputs.blank(entry.getBirthDate()) ? age : null,
                    Inputs.clean(entry.getSex()), List.of(), null, null, null, null, null), entry.getPart());
        }
        String picked = choice;
        if (found.stream().noneMatch(c -> String.valueOf(c.personId()).equals(picked))) {
            candidates.put(i, found);
            result.rejectValue(prefix + "choice", "intake.error.person.choose");
            return null;
        }
        return new NewIntake.Involvement(Long.valueOf(picked), null, entry.getPart());
    }

    /** The query for search-before-create: name, birth date (or the year an age gives), sex. */
    private PersonQuery query(IntakeForm.PersonEntry entry) {
        LocalDate today = IntakeService.today(intake.clock());
        String birth = birthDate(entry.getBirthDate(), today);
        Integer age = Inputs.integer(entry.getAge());
        if (birth == null && age != null && age <= 120) {
            birth = String.valueOf(today.getYear() - age);
        }
        return new PersonQuery(entry.getName() == null ? "" : entry.getName().strip(), birth,
                Inputs.clean(entry.getSex()), List.of());
    }

    /** A birth date as the register takes it ({@code YYYY-MM-DD} or {@code YYYY}); null when not one or in the future. */
    static String birthDate(String typed, LocalDate today) {
        String t = Inputs.clean(typed);
        if (t == null) {
            return null;
        }
        if (t.matches("\\d{4}")) {
            int year = Integer.parseInt(t);
            return year >= 1900 && year <= today.getYear() ? t : null;
        }
        LocalDate date = Inputs.date(t);
        return date == null || date.isAfter(today) || date.getYear() < 1900 ? null : date.toString();
    }

    static Instant receivedAt(String typed) {
        String t = Inputs.clean(typed);
        if (t == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(t.length() > 16 ? t.substring(0, 16) : t, LOCAL_MINUTE)
                    .atZone(IntakeService.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String page(IntakeForm form, Map<Integer, List<PersonCandidate>> candidates, Locale locale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("candidates", candidates);
        model.addAttribute("channels", intake.channels().stream().map(c -> new Option(c.code(), c.name(locale))).toList());
        model.addAttribute("communes", PublicTipController.communes(intake, directory, locale).stream()
                .map(o -> new Option(o.value(), o.label())).toList());
        model.addAttribute("agencies", intake.competentAgencies().stream()
                .map(a -> new Option(a.code(), a.name(locale))).toList());
        model.addAttribute("parts", intake.parts().stream().filter(p -> !"CHILD".equals(p.code()))
                .map(p -> new Option(p.code(), p.name(locale))).toList());
        return "intake/new";
    }

    private String elapsed(Instant from, Instant now, Locale locale) {
        Duration d = Duration.between(from, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return messages.getMessage("intake.elapsed.days", new Object[]{days, hours}, locale);
        }
        if (hours > 0) {
            return messages.getMessage("intake.elapsed.hours", new Object[]{hours, minutes}, locale);
        }
        return messages.getMessage("intake.elapsed.minutes", new Object[]{minutes}, locale);
    }

    private String channelName(String code, Locale locale) {
        return intake.channels().stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(locale))
                .orElse(code);
    }

    private String unitName(String code, Locale locale) {
        return directory.unitName(code, locale).orElse(code);
    }

    private Map<String, String> unitNames(Locale locale) {
        Map<String, String> names = new HashMap<>();
        intake.communeCommittees().forEach(a -> names.put(a.areaCode(), unitName(a.areaCode(), locale)));
        return names;
    }

    private String agencyName(String code, Locale locale) {
        return intake.agency(code).map(a -> a.name(locale)).orElse(code);
    }
}
