package vn.childguard.prevention.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanTasks;
import vn.childguard.prevention.internal.Campaigns;
import vn.childguard.prevention.internal.Education;
import vn.childguard.prevention.internal.PreventionException;

/** The prevention API: campaigns and activities (one by one or by spreadsheet), coverage, education work, students. */
@RestController
class PreventionApiController {

    record Created(long id) {
    }

    record Imported(int imported, List<Long> ids) {
    }

    record CampaignJson(Campaigns.Campaign campaign, Campaigns.Progress progress, List<Campaigns.Activity> activities) {
    }

    record Coverage(String period, LocalDate from, LocalDate to, Set<String> reached, Set<String> hotspots,
                    int communes) {
    }

    record NewMaterial(String title, String versionLabel, String languageCode) {
    }

    record NewFollowUp(String kind, String doneOn, String note) {
    }

    record Referral(String reason) {
    }

    record Referred(long intakeId) {
    }

    record NewReview(String schoolCode, String reviewedOn, List<String> checked, String notes) {
    }

    record NewMeeting(String schoolCode, String heldOn, String attendees, List<Education.Decision> decisions) {
    }

    /** A student as the school or the commune officer sees it, with the follow-ups. */
    record StudentJson(Education.Student student, List<Education.FollowUp> followUps) {
    }

    private final Campaigns campaigns;
    private final Education education;

    PreventionApiController(Campaigns campaigns, Education education) {
        this.campaigns = campaigns;
        this.education = education;
    }

    @GetMapping("/api/v1/prevention/plan-tasks")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    List<PlanTasks.TaskRef> tasks() {
        return campaigns.tasks();
    }

    @GetMapping("/api/v1/prevention/campaigns")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    List<Campaigns.Campaign> list(CurrentUser user) {
        return campaigns.campaigns(user);
    }

    @PostMapping("/api/v1/prevention/campaigns")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    ResponseEntity<Created> create(@RequestBody Campaigns.NewCampaign body, CurrentUser user) {
        long id = campaigns.create(user, body);
        return ResponseEntity.created(URI.create("/api/v1/prevention/campaigns/" + id)).body(new Created(id));
    }

    @GetMapping("/api/v1/prevention/campaigns/{id}")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    CampaignJson campaign(@PathVariable long id, CurrentUser user) {
        Campaigns.Campaign c = campaigns.campaign(user, id);
        List<Campaigns.Activity> activities = campaigns.activities(user, id);
        return new CampaignJson(c, campaigns.progress(c, activities), activities);
    }

    @PostMapping("/api/v1/prevention/campaigns/{id}/activities")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    ResponseEntity<Created> activity(@PathVariable long id, @RequestBody Campaigns.NewActivity body, CurrentUser user) {
        long activity = campaigns.addActivity(user, id, body, null);
        return ResponseEntity.created(URI.create("/api/v1/prevention/campaigns/" + id)).body(new Created(activity));
    }

    @PostMapping(path = "/api/v1/prevention/campaigns/{id}/activities/upload", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    ResponseEntity<Imported> upload(@PathVariable long id, @RequestPart("file") MultipartFile file, CurrentUser user)
            throws IOException {
        List<Long> ids = campaigns.upload(user, id, file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/prevention/campaigns/" + id)).body(new Imported(ids.size(), ids));
    }

    @GetMapping("/api/v1/prevention/coverage")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    Coverage coverage(@RequestParam(required = false) String period, CurrentUser user) {
        Period p = period == null || period.isBlank()
                ? Period.containing(Period.Kind.HALF_YEAR, campaigns.today()) : parse(period);
        return new Coverage(p.code(), p.start(), p.end(), campaigns.communesReached(user, p.start(), p.end()),
                campaigns.hotspots(), campaigns.map().codes().size());
    }

    @PostMapping("/api/v1/prevention/materials")
    @PreAuthorize("hasRole('PREVENTION_OFFICER')")
    ResponseEntity<Created> material(@RequestBody NewMaterial body, CurrentUser user) {
        return ResponseEntity.status(201).body(new Created(campaigns.addMaterial(user, body.title(), body.versionLabel(),
                body.languageCode())));
    }

    @GetMapping("/api/v1/prevention/materials")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    List<Campaigns.Material> materials() {
        return campaigns.materials();
    }

    @PostMapping("/api/v1/prevention/sessions")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    ResponseEntity<Map<String, Object>> session(@RequestBody Education.NewSession body, CurrentUser user) {
        long id = education.recordSession(user, body);
        return ResponseEntity.status(201).body(Map.of("id", id, "attendees", education.attendeesOf(id)));
    }

    @GetMapping("/api/v1/prevention/sessions")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    List<Education.Session> sessions(CurrentUser user) {
        return education.sessions(user);
    }

    @PostMapping("/api/v1/prevention/students")
    @PreAuthorize("hasRole('SCHOOL_STAFF')")
    ResponseEntity<Created> student(@RequestBody Education.NewStudent body, CurrentUser user) {
        long id = education.registerStudent(user, body);
        return ResponseEntity.created(URI.create("/api/v1/prevention/students/" + id)).body(new Created(id));
    }

    @GetMapping("/api/v1/prevention/students")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    List<Education.Student> students(CurrentUser user) {
        return education.students(user);
    }

    @GetMapping("/api/v1/prevention/students/aggregates")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'LEADERSHIP_VIEWER')")
    List<Education.Aggregate> aggregates(CurrentUser user) {
        return education.aggregates(user);
    }

    @GetMapping("/api/v1/prevention/students/{id}")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    StudentJson student(@PathVariable long id, CurrentUser user) {
        return new StudentJson(education.student(user, id), education.followUps(user, id));
    }

    @PostMapping("/api/v1/prevention/students/{id}/follow-ups")
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF', 'CASE_WORKER')")
    ResponseEntity<Created> followUp(@PathVariable long id, @RequestBody NewFollowUp body, CurrentUser user) {
        return ResponseEntity.status(201).body(new Created(education.followUp(user, id, body.kind(), body.doneOn(),
                body.note())));
    }

    @PostMapping("/api/v1/prevention/students/{id}/referral")
    @PreAuthorize("hasRole('SCHOOL_STAFF')")
    ResponseEntity<Referred> refer(@PathVariable long id, @RequestBody Referral body, CurrentUser user) {
        return ResponseEntity.status(201).body(new Referred(education.refer(user, id, body.reason())));
    }

    @PostMapping("/api/v1/prevention/reviews")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    ResponseEntity<Created> review(@RequestBody NewReview body, CurrentUser user) {
        return ResponseEntity.status(201).body(new Created(education.review(user, body.schoolCode(), body.reviewedOn(),
                body.checked(), body.notes())));
    }

    @PostMapping("/api/v1/prevention/meetings")
    @PreAuthorize("hasAnyRole('PREVENTION_OFFICER', 'SCHOOL_STAFF')")
    ResponseEntity<Created> meeting(@RequestBody NewMeeting body, CurrentUser user) {
        return ResponseEntity.status(201).body(new Created(education.meeting(user, body.schoolCode(), body.heldOn(),
                body.attendees(), body.decisions())));
    }

    static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw PreventionException.field("period", "prevention.error.period");
        }
    }

}
