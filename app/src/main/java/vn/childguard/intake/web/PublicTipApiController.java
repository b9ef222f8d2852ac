package vn.childguard.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.PublicTips;
import vn.childguard.intake.internal.TipDraft;
import vn.childguard.intake.internal.TipLimits;
import vn.childguard.intake.internal.TipStatus;
import vn.childguard.intake.internal.TipValidation;

/**
 * The public tip form as JSON, for partner apps: no token, the same rules and rate limit as the
 * pages; a tracking code reveals only the status.
 */
@RestController
@Tag(name = "Public tips", description = "Anonymous reports from the public; no token needed")
class PublicTipApiController {

    /** A tip: {@code when} is TODAY, THIS_WEEK, EARLIER, ONGOING or UNKNOWN; {@code date} d/M/yyyy or yyyy-MM-dd. */
    record TipRequest(String narrative, String unitCode, String place, String when, String date, String childName,
                      Integer childAge, String contactName, String contactPhone) {
    }

    record TrackingCode(String trackingCode) {
    }

    record Status(TipStatus status) {
    }

    private final PublicTips tips;
    private final TipLimits limits;
    private final IntakeService intake;

    PublicTipApiController(PublicTips tips, TipLimits limits, IntakeService intake) {
        this.tips = tips;
        this.limits = limits;
        this.intake = intake;
    }

    @PostMapping("/api/public/tips")
    @Operation(summary = "Send a tip", description = "Answers 201 with the tracking code; 429 after too many tips from one address")
    ResponseEntity<TrackingCode> submit(@RequestBody(required = false) TipRequest body, HttpServletRequest request) {
        TipRequest b = body == null ? new TipRequest(null, null, null, null, null, null, null, null, null) : body;
        TipDraft draft = new TipDraft();
        draft.setNarrative(b.narrative());
        draft.setUnitCode(b.unitCode());
        draft.setPlace(b.place());
        draft.setWhen(b.when() == null ? TipDraft.When.UNKNOWN.name() : b.when());
        draft.setDate(b.date());
        draft.setChildName(b.childName());
        draft.setChildAge(b.childAge() == null ? null : b.childAge().toString());
        boolean contact = b.contactPhone() != null && !b.contactPhone().isBlank()
                || b.contactName() != null && !b.contactName().isBlank();
        draft.setContactChoice((contact ? TipDraft.ContactChoice.CONTACT : TipDraft.ContactChoice.ANONYMOUS).name());
        draft.setContactName(b.contactName());
        draft.setContactPhone(b.contactPhone());
        Map<String, String> errors = new LinkedHashMap<>(TipValidation.checkAll(draft, tips.communeCodes(),
                IntakeService.today(intake.clock())));
        if (errors.containsKey("contactChoice")) {
            errors.remove("contactChoice");
        }
        if (!errors.isEmpty()) {
            throw new IntakeApiErrors.InvalidRequest(errors);
        }
        limits.submission(request.getRemoteAddr());
        String code = tips.submit(draft);
        return ResponseEntity.created(URI.create("/api/public/tips/" + code)).body(new TrackingCode(code));
    }

    @GetMapping("/api/public/tips/{code}")
    @Operation(summary = "Status of a tip", description = "Only the status: never the content")
    Status status(@PathVariable String code, HttpServletRequest request) {
        limits.lookup(request.getRemoteAddr());
        return new Status(tips.status(code).orElseThrow(() -> new NoSuchElementException("tip")));
    }
}
