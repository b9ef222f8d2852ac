package vn.childguard.prevention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.prevention.internal.Campaigns;
import vn.childguard.prevention.internal.Education;
import vn.childguard.prevention.internal.PreventionException;
import vn.childguard.prevention.internal.PreventionPolicy;

/**
 * Prevention pages: campaigns with progress and coverage map, the activity form and spreadsheet upload,
 * education work, students in special circumstances and the education department's counts.
 */
@Controller
class PreventionController {

    private final Campaigns campaigns;
    private final Education education;
    private final PreventionPolicy policy;
    private final MessageSource messages;

    PreventionController(Campaigns campaigns, Education education, PreventionPolicy policy, MessageSource messages) {
        this.campaigns = campaigns;
        this.education = education;
        this.policy = policy;
        this.messages = messages;
    }

    /** Refused like a record the user may not see, so student ids cannot be probed. */
    @ExceptionHandler(NoSuchElementException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "error/403";
    }

    // ---- campaigns -------------------------------------------------------------------------------

    @GetMapping("/prevention/campaigns")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    String campaigns(CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaigns.campaigns(user));
        model.addAttribute("mayCreate", policy.canCreateCampaign(user));
        return "prevention/campaigns";
    }

    @GetMapping("/prevention/campaigns/new")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    String newCampaign(Model model) {
        return campaignForm(model, Map.of(), Map.of());
    }

    @PostMapping("/prevention/campaigns")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    String createCampaign(@RequestParam MultiValueMap<String, String> params, CurrentUser user, Model model,
                          HttpServletResponse response) {
        try {
            String task = params.getFirst("planTaskId");
            long id = campaigns.create(user, new Campaigns.NewCampaign(params.getFirst("theme"),
                    params.getFirst("startsOn"), params.getFirst("endsOn"), list(params, "audiences"),
                    list(params, "channels"), params.getFirst("targetReach"),
                    task == null || task.isBlank() ? null : Long.valueOf(task), params.getFirst("indicatorCode")));
            return "redirect:/prevention/campaigns/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return campaignForm(model, e.errors(), params);
        }
    }

    private String campaignForm(Model model, Map<String, String> errors, Map<String, ?> form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("audiences", campaigns.list(Campaigns.AUDIENCES));
        model.addAttribute("channels", campaigns.list(Campaigns.CHANNELS));
        model.addAttribute("tasks", campaigns.tasks());
        return "prevention/campaign-new";
    }

    @GetMapping("/prevention/campaigns/{id}")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    String campaign(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
        return campaignPage(id, user, model, locale, List.of(), Map.of());
    }

    private String campaignPage(long id, CurrentUser user, Model model, Locale locale,
                                List<PreventionException.RowError> rowErrors, Map<String, String> errors) {
        Campaigns.Campaign campaign = campaigns.campaign(user, id);
        List<Campaigns.Activity> activities = campaigns.activities(user, id);
        Campaigns.Progress progress = campaigns.progress(campaign, activities);
        model.addAttribute("campaign", campaign);
        model.addAttribute("activities", activities);
        model.addAttribute("progress", progress);
        model.addAttribute("mayRecord", policy.canRecordActivity(user, campaign.ownerAgency()));
        model.addAttribute("task", campaign.planTaskId() == null ? null
                : campaigns.tasks().stream().filter(t -> t.id() == campaign.planTaskId()).findFirst().orElse(null));
        model.addAttribute("map", campaigns.map());
        model.addAttribute("mapSvg", campaigns.map().svg(progress.communes(), campaigns.hotspots(),
                messages.getMessage("prevention.map.title", null, locale)));
        Map<String, String> channelNames = new LinkedHashMap<>();
        campaigns.list(Campaigns.CHANNELS).forEach(c -> channelNames.put(c.code(), c.name(locale)));
        model.addAttribute("channelNames", channelNames);
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("errors", errors);
        model.addAttribute("columns", String.join(",", List.of("date", "commune", "place", "channel", "organiser",
                "partners", "female_adults", "male_adults", "female_minors", "male_minors", "reach", "cost")));
        return "prevention/campaign";
    }

    @GetMapping("/prevention/campaigns/{id}/activities/new")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    String newActivity(@PathVariable long id, CurrentUser user, Model model) {
        return activityForm(id, user, model, Map.of(), Map.of());
    }

    @PostMapping(path = "/prevention/campaigns/{id}/activities", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    String addActivity(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                       @RequestParam(name = "evidence", required = false) MultipartFile evidence, CurrentUser user,
                       Model model, HttpServletResponse response) throws IOException {
        try {
            campaigns.addActivity(user, id, new Campaigns.NewActivity(params.getFirst("heldOn"),
                    params.getFirst("unitCode"), params.getFirst("place"), params.getFirst("channel"),
                    params.getFirst("organiser"), params.getFirst("partners"), params.getFirst("femaleAdults"),
                    params.getFirst("maleAdults"), params.getFirst("femaleMinors"), params.getFirst("maleMinors"),
                    params.getFirst("reach"), list(params, "materialIds").stream().map(Long::valueOf).toList(),
                    params.getFirst("cost")),
                    evidence == null || evidence.isEmpty() ? null
                            : new Campaigns.Evidence(evidence.getOriginalFilename(), evidence.getContentType(),
                            evidence.getBytes()));
            return "redirect:/prevention/campaigns/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return activityForm(id, user, model, e.errors(), params.toSingleValueMap());
        }
    }

    private String activityForm(long id, CurrentUser user, Model model, Map<String, String> errors, Map<String, ?> form) {
        model.addAttribute("campaign", campaigns.campaign(user, id));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("channels", campaigns.list(Campaigns.CHANNELS));
        model.addAttribute("materials", campaigns.materials());
        model.addAttribute("communes", campaigns.map().codes().stream()
                .map(c -> Map.entry(c, campaigns.map().name(c))).sorted(Map.Entry.comparingByValue()).toList());
        return "prevention/activity-new";
    }

    @PostMapping(path = "/prevention/campaigns/{id}/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  CurrentUser user, Model model, Locale locale, HttpServletResponse response) throws IOException {
        try {
            campaigns.upload(user, id, file == null ? new byte[0] : file.getBytes());
            return "redirect:/prevention/campaigns/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return campaignPage(id, user, model, locale, e.rowErrors(), e.errors());
        }
    }

    @GetMapping("/prevention/activities/{id}/evidence")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    ResponseEntity<byte[]> evidence(@PathVariable long id, CurrentUser user) {
        Campaigns.Evidence e = campaigns.evidence(user, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(e.content());
    }

    @GetMapping("/prevention/coverage")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    String coverage(@RequestParam(required = false) String period, CurrentUser user, Model model, Locale locale) {
        Period p;
        try {
            p = period == null || period.isBlank() ? Period.containing(Period.Kind.HALF_YEAR, campaigns.today())
                    : Period.parse(period);
        } catch (IllegalArgumentException e) {
            p = Period.containing(Period.Kind.HALF_YEAR, campaigns.today());
        }
        var reached = campaigns.communesReached(user, p.start(), p.end());
        var hotspots = campaigns.hotspots();
        model.addAttribute("period", p);
        model.addAttribute("periods", Period.between(Period.Kind.HALF_YEAR, campaigns.today().minusYears(2), campaigns.today()));
        model.addAttribute("reached", reached);
        model.addAttribute("total", campaigns.map().codes().size());
        model.addAttribute("hotspotsNotReached", hotspots.stream().filter(h -> !reached.contains(h))
                .map(h -> campaigns.map().name(h)).toList());
        model.addAttribute("mapSvg", campaigns.map().svg(reached, hotspots,
                messages.getMessage("prevention.map.title", null, locale)));
        return "prevention/coverage";
    }

    // ---- education -------------------------------------------------------------------------------

    @GetMapping("/prevention/education")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    String education(CurrentUser user, Model model) {
        return educationPage(user, model, Map.of(), Map.of());
    }

    private String educationPage(CurrentUser user, Model model, Map<String, String> errors, Map<String, ?> form) {
        model.addAttribute("sessions", education.sessions(user));
        model.addAttribute("reviews", education.reviews(user));
        model.addAttribute("meetings", education.meetings(user));
        model.addAttribute("schools", education.schools());
        model.addAttribute("reviewItems", education.reviewItems());
        model.addAttribute("kinds", Education.SESSION_KINDS);
        model.addAttribute("isSchool", policy.isSchool(user));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "prevention/education";
    }

    @PostMapping("/prevention/education/sessions")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    String session(@RequestParam MultiValueMap<String, String> params, CurrentUser user, Model model,
                   HttpServletResponse response) {
        try {
            List<Education.Attendee> attendees = params.getFirst("attendees") == null ? List.of()
                    : Arrays.stream(params.getFirst("attendees").split("\\R")).filter(l -> !l.isBlank()).map(l -> {
                        String[] p = l.split(";");
                        return new Education.Attendee(p[0].strip(), p.length > 1 ? p[1].strip() : null,
                                p.length > 2 ? p[2].strip() : null);
                    }).toList();
            education.recordSession(user, new Education.NewSession(params.getFirst("kind"), params.getFirst("heldOn"),
                    params.getFirst("topic"), params.getFirst("trainers"), list(params, "schoolCodes"),
                    params.getFirst("grade"), params.getFirst("participants"), attendees));
            return "redirect:/prevention/education";
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return educationPage(user, model, e.errors(), params.toSingleValueMap());
        }
    }

    @PostMapping("/prevention/education/reviews")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    String review(@RequestParam MultiValueMap<String, String> params, CurrentUser user, Model model,
                  HttpServletResponse response) {
        try {
            education.review(user, params.getFirst("schoolCode"), params.getFirst("reviewedOn"), list(params, "checked"),
                    params.getFirst("notes"));
            return "redirect:/prevention/education";
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return educationPage(user, model, e.errors(), params.toSingleValueMap());
        }
    }

    @PostMapping("/prevention/education/meetings")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    String meeting(@RequestParam MultiValueMap<String, String> params, CurrentUser user, Model model,
                   HttpServletResponse response) {
        try {
            List<Education.Decision> decisions = params.getFirst("decisions") == null ? List.of()
                    : Arrays.stream(params.getFirst("decisions").split("\\R")).filter(l -> !l.isBlank()).map(l -> {
                        String[] p = l.split(";");
                        return new Education.Decision(p[0].strip(), p.length > 1 ? p[1].strip() : null,
                                p.length > 2 ? p[2].strip() : null);
                    }).toList();
            education.meeting(user, params.getFirst("schoolCode"), params.getFirst("heldOn"),
                    params.getFirst("attendees"), decisions);
            return "redirect:/prevention/education";
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return educationPage(user, model, e.errors(), params.toSingleValueMap());
        }
    }

    // ---- students --------------------------------------------------------------------------------

    @GetMapping("/prevention/students")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    String students(CurrentUser user, Model model) {
        return studentsPage(user, model, Map.of(), Map.of());
    }

    private String studentsPage(CurrentUser user, Model model, Map<String, String> errors, Map<String, ?> form) {
        model.addAttribute("students", education.students(user));
        model.addAttribute("categories", education.categories());
        model.addAttribute("mayRegister", policy.isSchool(user));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "prevention/students";
    }

    @PostMapping("/prevention/students")
    @PreAuthorize("hasRole('SCHOOL_STAFF')")
    String register(@RequestParam Map<String, String> params, CurrentUser user, Model model,
                    HttpServletResponse response) {
        try {
            long id = education.registerStudent(user, new Education.NewStudent(params.get("fullName"),
                    params.get("className"), params.get("category"), params.get("guardianContact"),
                    params.get("homeUnit")));
            return "redirect:/prevention/students/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return studentsPage(user, model, e.errors(), params);
        }
    }

    @GetMapping("/prevention/students/{id}")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    String student(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
        return studentPage(id, user, model, Map.of(), Map.of(), locale);
    }

    private String studentPage(long id, CurrentUser user, Model model, Map<String, String> errors, Map<String, ?> form,
                               Locale locale) {
        Education.Student student = education.student(user, id);
        model.addAttribute("student", student);
        model.addAttribute("categoryName", education.categories().stream().filter(c -> c.code().equals(student.category()))
                .findFirst().map(c -> c.name(locale)).orElse(student.category()));
        model.addAttribute("followUps", education.followUps(user, id));
        model.addAttribute("categories", education.categories());
        model.addAttribute("kinds", Education.FOLLOW_UP_KINDS);
        model.addAttribute("mayRefer", policy.isSchool(user));
        model.addAttribute("homeName", campaigns.map().name(student.homeUnit()));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "prevention/student";
    }

    @PostMapping("/prevention/students/{id}/follow-ups")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    String followUp(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                    HttpServletResponse response, Locale locale) {
        try {
            education.followUp(user, id, params.get("kind"), params.get("doneOn"), params.get("note"));
            return "redirect:/prevention/students/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return studentPage(id, user, model, e.errors(), params, locale);
        }
    }

    @PostMapping("/prevention/students/{id}/referral")
    @PreAuthorize("hasRole('SCHOOL_STAFF')")
    String refer(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                 HttpServletResponse response, Locale locale) {
        try {
            education.refer(user, id, params.get("reason"));
            return "redirect:/prevention/students/" + id;
        } catch (PreventionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return studentPage(id, user, model, e.errors(), params, locale);
        }
    }

    @GetMapping("/prevention/students/aggregates")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER')")
    String aggregates(CurrentUser user, Model model, Locale locale) {
        List<Education.Aggregate> rows = education.aggregates(user);
        Map<String, String> schoolNames = new LinkedHashMap<>();
        education.schools().forEach(s -> schoolNames.put(s.code(), s.name(locale)));
        Map<String, String> categoryNames = new LinkedHashMap<>();
        education.categories().forEach(c -> categoryNames.put(c.code(), c.name(locale)));
        model.addAttribute("rows", rows);
        model.addAttribute("schoolNames", schoolNames);
        model.addAttribute("categoryNames", categoryNames);
        return "prevention/aggregates";
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
