package vn.childguard.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.ChangeHistory;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.audit.internal.AuditCsvExport;
import vn.childguard.audit.internal.AuditVerification;

/**
 * The auditor's pages: the access log with filters, its CSV export and integrity check, and the
 * change history of browsable entities. Times are shown and dates are read in Vietnam time.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int PAGE_SIZE = 50;

    /** Actions offered in the filter, in the order auditors look for them. */
    static final List<String> ACTIONS = List.of(AuditLog.Actions.LOGIN, AuditLog.Actions.LOGIN_FAILED,
            AuditLog.Actions.LOCKOUT, AuditLog.Actions.LOGOUT, AuditLog.Actions.TOKEN_ISSUED,
            AuditLog.Actions.TOTP_ENROLLED, AuditLog.Actions.TOTP_RESET, AuditLog.Actions.READ,
            AuditLog.Actions.CREATE, AuditLog.Actions.UPDATE, AuditLog.Actions.DISABLE, AuditLog.Actions.EXPORT,
            AuditLog.Actions.VERIFY, AuditLog.Actions.BREAK_GLASS);

    /** Audit-log entity types whose change history can be browsed, by their JPA entity name. */
    static final Map<String, String> HISTORY_NAMES = Map.of("agency", "Agency", "user", "UserAccount",
            "reference_item", "ReferenceItem");

    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(VIETNAM);

    private final AuditLog audit;
    private final AuditCsvExport export;
    private final AuditVerification verification;
    private final ChangeHistory history;
    private final Clock clock;
    private final EmergencyAccess emergency;

    AuditController(AuditLog audit, AuditCsvExport export, AuditVerification verification, ChangeHistory history,
                    Clock clock, EmergencyAccess emergency) {
        this.emergency = emergency;
        this.clock = clock;
        this.audit = audit;
        this.export = export;
        this.verification = verification;
        this.history = history;
    }

    /** Break-the-glass uses, newest first, with the reads made under each; viewing them is logged. */
    @GetMapping("/emergency-access")
    String emergencyAccess(Model model) {
        audit.record(vn.childguard.audit.AuditEntry.of(AuditLog.Actions.READ, "emergency_access", null,
                vn.childguard.audit.AuditEntry.Outcome.SUCCESS));
        model.addAttribute("uses", emergency.latest(500));
        model.addAttribute("zone", VIETNAM);
        return "audit/emergency-access";
    }

    @GetMapping
    String log(@ModelAttribute("form") SearchAuditForm form, BindingResult errors,
               @RequestParam(defaultValue = "0") int page,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("zone", VIETNAM);
        model.addAttribute("historyNames", HISTORY_NAMES);
        model.addAttribute("maxRows", AuditCsvExport.MAX_ROWS);
        filter(form, errors).ifPresent(filter -> {
            model.addAttribute("page", audit.search(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
            model.addAttribute("exportUrl", exportUrl(form));
        });
        return htmx == null ? "audit/log" : "audit/log :: search";
    }

    @GetMapping("/export.csv")
    String exportCsv(@ModelAttribute("form") SearchAuditForm form, BindingResult errors, Model model,
                     HttpServletResponse response) throws IOException {
        Optional<AuditLog.Filter> filter = filter(form, errors);
        if (filter.isEmpty()) {
            model.addAttribute("actions", ACTIONS);
            model.addAttribute("zone", VIETNAM);
            model.addAttribute("maxRows", AuditCsvExport.MAX_ROWS);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "audit/log";
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"audit-log-" + FILE_STAMP.format(clock.instant()) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        export.write(filter.get(), response.getOutputStream());
        return null;
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        AuditLog.Verification result = verification.verifyAndRecord(AuditVerification.Channel.WEB);
        redirect.addFlashAttribute("verifyOk", result.ok());
        redirect.addFlashAttribute("verifyChecked", result.checked());
        if (result.firstBrokenId() != null) {
            redirect.addFlashAttribute("verifyBrokenId", result.firstBrokenId());
        }
        return "redirect:/audit";
    }

    @GetMapping("/history/{entityType}/{id}")
    String history(@PathVariable String entityType, @PathVariable String id, Model model) {
        var revisions = history.of(entityType, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", id);
        model.addAttribute("revisions", revisions.reversed());
        model.addAttribute("zone", VIETNAM);
        return "audit/history";
    }

    /** The filter, or empty with field errors when a date or the action is not valid. */
    private static Optional<AuditLog.Filter> filter(SearchAuditForm form, BindingResult errors) {
        if (form.action() != null && !ACTIONS.contains(form.action())) {
            errors.rejectValue("action", "audit.log.error.action");
        }
        LocalDate from = date(form.from(), "from", errors);
        LocalDate to = date(form.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.rejectValue("to", "audit.log.error.range");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AuditLog.Filter(form.user(), form.entityType(), form.entityId(), form.action(),
                from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant()));
    }

    /** Accepts what a date input sends (yyyy-MM-dd) and what people type (dd/MM/yyyy). */
    private static LocalDate date(String text, String field, BindingResult errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(text, TYPED_DATE);
            } catch (DateTimeParseException typed) {
                errors.rejectValue(field, "audit.log.error.date");
                return null;
            }
        }
    }

    private static String exportUrl(SearchAuditForm form) {
        return UriComponentsBuilder.fromPath("/audit/export.csv")
                .queryParamIfPresent("user", Optional.ofNullable(form.user()))
                .queryParamIfPresent("entityType", Optional.ofNullable(form.entityType()))
                .queryParamIfPresent("entityId", Optional.ofNullable(form.entityId()))
                .queryParamIfPresent("action", Optional.ofNullable(form.action()))
                .queryParamIfPresent("from", Optional.ofNullable(form.from()))
                .queryParamIfPresent("to", Optional.ofNullable(form.to()))
                .encode()
                .build()
                .toUriString();
    }
}
