package vn.childguard.casework.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.childguard.casework.CaseStatus;
import vn.childguard.casework.DeadlineKind;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.casework.internal.CaseAction;
import vn.childguard.casework.internal.CaseAttachments;
import vn.childguard.casework.internal.CaseForms;
import vn.childguard.casework.internal.CaseNote;
import vn.childguard.casework.internal.CaseSection;
import vn.childguard.casework.internal.CaseView;
import vn.childguard.casework.internal.CaseworkService;
import vn.childguard.casework.internal.Consent;
import vn.childguard.casework.internal.CpCase;
import vn.childguard.casework.internal.Referral;
import vn.childguard.organisation.CurrentUser;

/**
 * Child-protection cases over the API: the same rules and refusals as the pages; 403 (audited) for
 * a case the caller may not see, 409 for a step the procedure does not allow now, 400 naming the field.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR', 'SCHOOL_STAFF')")
class CaseApiController {

    private static final int MAX_PAGE_SIZE = 500;

    record CreateCase(Long intakeId, Long childPersonId, String unitCode, Boolean seriousRisk, Boolean abuserIsCarer) {
    }

    record CaseSummary(long id, String reference, CaseStatus status, String owningAgency, String unitCode,
                       boolean seriousRisk, boolean abuserIsCarer, Instant receivedAt, Instant openedAt, Instant closedAt) {
        static CaseSummary of(CpCase c) {
            return new CaseSummary(c.getId(), c.getReference(), c.getStatus(), c.getOwningAgencyCode(), c.getUnitCode(),
                    c.isSeriousRisk(), c.isAbuserIsCarer(), c.getReceivedAt(), c.getOpenedAt(), c.getClosedAt());
        }
    }

    record FormJson(long id, String form, int cycle, int version, Map<String, Object> data, String author, Instant at) {
    }

    record DeadlineJson(long id, DeadlineKind kind, Long referralId, Instant dueAt, DeadlineStatus status,
                        Instant metAt, Instant waivedAt, int extensionDays, String extensionReason) {
    }

    record ReferralJson(long id, String fromAgency, String toAgency, String reason, List<String> services,
                        Set<CaseSection> sharedSections, String legalBasis, Referral.Status status,
                        String responseReason, String reportBack, Instant respondBy, Instant sentAt) {
    }

    record ConsentJson(long id, Consent.Subject subject, Long personId, String purpose, String recipientAgency,
                       LocalDate givenOn, Consent.Method method, Instant withdrawnAt) {
    }

    record NoteJson(long id, CaseNote.Kind kind, String body, String author, Instant at) {
    }

    record CaseJson(CaseSummary kase, String child, boolean fullAccess, Set<CaseSection> sections,
                    List<FormJson> forms, List<DeadlineJson> deadlines, List<ReferralJson> referrals,
                    List<ConsentJson> consents, List<NoteJson> notes, List<String> team) {
    }

    record FormBody(String form, Map<String, Object> data) {
    }

    record TransitionBody(String action, String reason) {
    }

    record ReferralBody(String toAgency, String reason, List<String> services, List<String> sections,
                        String legalBasis) {
    }

    record AnswerBody(String reason, String reportBack) {
    }

    record ConsentBody(String subject, Long personId, String purpose, String recipientAgency, String givenOn,
                       String method) {
    }

    record NoteBody(String kind, String body) {
    }

    private final CaseworkService cases;
    private final CaseAttachments attachments;

    CaseApiController(CaseworkService cases, CaseAttachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    ResponseEntity<CaseJson> create(@RequestBody CreateCase body, CurrentUser user) {
        CpCase c = cases.open(user, new CaseworkService.OpenCase(body.intakeId(), body.childPersonId(), body.unitCode(),
                Boolean.TRUE.equals(body.seriousRisk()), Boolean.TRUE.equals(body.abuserIsCarer())));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.getId())).body(json(cases.read(user, c.getId())));
    }

    /**
     * One page of the caller's cases, newest first ({@code page} from 0, {@code size} 1–500, 100 unless
     * given); the {@code X-Total-Count} header gives the number of cases over all pages.
     */
    @GetMapping
    ResponseEntity<List<CaseSummary>> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String unit,
                                           @RequestParam(required = false) String reference,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "100") int size, CurrentUser user) {
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CaseStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new CaseForms.Invalid(Map.of("status", "casework.form.error.option"));
            }
        }
        Page<CpCase> found = cases.list(user, new CaseworkService.Filter(wanted, unit, reference),
                PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE)));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.getTotalElements()))
                .body(found.getContent().stream().map(CaseSummary::of).toList());
    }

    /** Open to any authenticated caller so that the policy decides and audits every refusal (403). */
    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    CaseJson get(@PathVariable long id, CurrentUser user) {
        return json(cases.read(user, id));
    }

    @PostMapping({"/{id}/assessments", "/{id}/forms"})
    ResponseEntity<CaseJson> assessment(@PathVariable long id, @RequestBody FormBody body, CurrentUser user) {
        String form = body.form() == null ? "" : body.form().strip();
        if (!List.of("F02", "F03", "F07", "F06").contains(form)) {
            throw new CaseForms.Invalid(Map.of("form", "casework.form.error.option"));
        }
        cases.recordForm(user, id, form, flat(body.data()));
        return ResponseEntity.status(201).body(json(cases.read(user, id)));
    }

    @PostMapping("/{id}/plans")
    ResponseEntity<CaseJson> plan(@PathVariable long id, @RequestBody FormBody body, CurrentUser user) {
        cases.recordForm(user, id, "F04", flat(body.data()));
        return ResponseEntity.status(201).body(json(cases.read(user, id)));
    }

    @PostMapping("/{id}/reviews")
    ResponseEntity<CaseJson> review(@PathVariable long id, @RequestBody FormBody body, CurrentUser user) {
        cases.recordForm(user, id, "F06", flat(body.data()));
        return ResponseEntity.status(201).body(json(cases.read(user, id)));
    }

    @PostMapping("/{id}/approvals")
    ResponseEntity<CaseJson> approval(@PathVariable long id, @RequestBody FormBody body, CurrentUser user) {
        cases.decide(user, id, flat(body.data()));
        return ResponseEntity.status(201).body(json(cases.read(user, id)));
    }

    @PostMapping("/{id}/transitions")
    CaseJson transition(@PathVariable long id, @RequestBody TransitionBody body, CurrentUser user) {
        CaseAction action;
        try {
            action = CaseAction.valueOf(body.action() == null ? "" : body.action().strip());
        } catch (IllegalArgumentException e) {
            throw new CaseForms.Invalid(Map.of("action", "casework.form.error.option"));
        }
        cases.transition(user, id, action, body.reason());
        return json(cases.read(user, id));
    }

    @PostMapping("/{id}/referrals")
    ResponseEntity<ReferralJson> refer(@PathVariable long id, @RequestBody ReferralBody body, CurrentUser user) {
        Set<CaseSection> sections = EnumSet.noneOf(CaseSection.class);
        if (body.sections() != null) {
            for (String s : body.sections()) {
                try {
                    sections.add(CaseSection.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw new CaseForms.Invalid(Map.of("sections", "casework.form.error.option"));
                }
            }
        }
        Referral r = cases.refer(user, id, new CaseworkService.NewReferral(body.toAgency(), body.reason(),
                body.services(), sections, body.legalBasis()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/referrals/" + r.getId()))
                .body(referral(r, null));
    }

    @PostMapping("/{id}/referrals/{rid}/accept")
    ReferralJson accept(@PathVariable long id, @PathVariable long rid, @RequestBody(required = false) AnswerBody body,
                        CurrentUser user) {
        return referral(cases.respond(user, id, rid, true, body == null ? null : body.reason()), null);
    }

    @PostMapping("/{id}/referrals/{rid}/decline")
    ReferralJson decline(@PathVariable long id, @PathVariable long rid, @RequestBody(required = false) AnswerBody body,
                         CurrentUser user) {
        return referral(cases.respond(user, id, rid, false, body == null ? null : body.reason()), null);
    }

    @PostMapping("/{id}/referrals/{rid}/report")
    ReferralJson reportBack(@PathVariable long id, @PathVariable long rid, @RequestBody AnswerBody body,
                            CurrentUser user) {
        return referral(cases.reportBack(user, id, rid, body.reportBack()), null);
    }

    @PostMapping("/{id}/referrals/{rid}/complete")
    ReferralJson complete(@PathVariable long id, @PathVariable long rid, @RequestBody(required = false) AnswerBody body,
                          CurrentUser user) {
        return referral(cases.complete(user, id, rid, body == null ? null : body.reportBack()), null);
    }

    @PostMapping("/{id}/referrals/{rid}/revoke")
    ReferralJson revoke(@PathVariable long id, @PathVariable long rid, @RequestBody(required = false) AnswerBody body,
                        CurrentUser user) {
        return referral(cases.revoke(user, id, rid, body == null ? null : body.reason()), null);
    }

    @PostMapping("/{id}/consents")
    ResponseEntity<ConsentJson> consent(@PathVariable long id, @RequestBody ConsentBody body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Consent.Subject subject = parse(Consent.Subject.class, body.subject(), "subject", errors);
        Consent.Method method = parse(Consent.Method.class, body.method(), "method", errors);
        LocalDate given = null;
        try {
            given = body.givenOn() == null ? null : LocalDate.parse(body.givenOn());
        } catch (DateTimeParseException e) {
            errors.put("givenOn", "casework.form.error.date");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        Consent k = cases.recordConsent(user, id, new CaseworkService.NewConsent(subject, body.personId(),
                body.purpose(), body.recipientAgency(), given, method));
        return ResponseEntity.status(201).body(consent(k));
    }

    @PostMapping("/{id}/consents/{cid}/withdraw")
    ConsentJson withdraw(@PathVariable long id, @PathVariable long cid, CurrentUser user) {
        return consent(cases.withdrawConsent(user, id, cid));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<NoteJson> note(@PathVariable long id, @RequestBody NoteBody body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        CaseNote.Kind kind = body.kind() == null ? CaseNote.Kind.NOTE
                : parse(CaseNote.Kind.class, body.kind(), "kind", errors);
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        CaseNote n = cases.addNote(user, id, kind, body.body());
        return ResponseEntity.status(201).body(new NoteJson(n.getId(), n.getKind(), body.body().strip(), n.getAuthor(),
                n.getCreatedAt()));
    }

    record AttachmentJson(long id, String fileName, String contentType, int sizeBytes) {
    }

    @PostMapping(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentJson> attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                          CurrentUser user) throws IOException {
        var a = attachments.attach(user, id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(201).body(new AttachmentJson(a.getId(), a.getFileName(), a.getContentType(),
                a.getSizeBytes()));
    }

    @GetMapping("/{id}/attachments/{aid}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long aid, CurrentUser user) {
        CaseAttachments.Download d = attachments.download(user, id, aid);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, "casework.form.error.required");
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "casework.form.error.option");
            return null;
        }
    }

    /** The API's structured data as the flat typed values the form checker reads. */
    private static Map<String, String> flat(Map<String, Object> data) {
        return data == null ? Map.of() : CaseForms.flatten(data);
    }

    private static CaseJson json(CaseView v) {
        return new CaseJson(CaseSummary.of(v.kase()), v.childLabel(), v.access().full(),
                v.access().full() ? EnumSet.allOf(CaseSection.class) : v.access().sections(),
                v.forms().stream().map(f -> new FormJson(f.id(), f.code(), f.cycle(), f.version(), f.data(), f.author(),
                        f.at())).toList(),
                v.deadlines().stream().map(d -> new DeadlineJson(d.deadline().getId(), d.deadline().getKind(),
                        d.deadline().getReferralId(), d.deadline().getDueAt(), d.status(), d.deadline().getMetAt(),
                        d.deadline().getWaivedAt(), d.deadline().getExtensionDays(),
                        d.deadline().getExtensionReason())).toList(),
                v.referrals().stream().map(r -> referral(r.referral(), r.reportBack())).toList(),
                v.consents().stream().map(CaseApiController::consent).toList(),
                v.notes().stream().map(n -> new NoteJson(n.id(), n.kind(), n.body(), n.author(), n.at())).toList(),
                v.team().stream().filter(m -> m.getRemovedAt() == null).map(m -> m.getUsername()).toList());
    }

    private static ReferralJson referral(Referral r, String reportBack) {
        return new ReferralJson(r.getId(), r.getFromAgencyCode(), r.getToAgencyCode(), r.getReason(), r.services(),
                r.sections(), r.getLegalBasis(), r.getStatus(), r.getResponseReason(), reportBack, r.getRespondBy(),
                r.getSentAt());
    }

    private static ConsentJson consent(Consent k) {
        return new ConsentJson(k.getId(), k.getSubject(), k.getPersonId(), k.getPurpose(), k.getRecipientAgencyCode(),
                k.getGivenOn(), k.getMethod(), k.getWithdrawnAt());
    }
}
