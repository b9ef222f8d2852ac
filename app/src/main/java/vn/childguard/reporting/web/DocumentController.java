package vn.childguard.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.reporting.internal.DeidentifiedRelease;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.reporting.internal.ReportArchive;
import vn.childguard.reporting.internal.StatisticalReport;

/**
 * Periodic statistical reports (generate with a purpose, list, download) and the de-identified CTDC
 * release. Reports: the coordinator and leaders generate, auditors also read; the release: the
 * coordinator only. Every generation, download and release is audited with its purpose.
 */
@Controller
class DocumentController {

    static final String READ = "hasAnyRole('PLAN_COORDINATOR', 'LEADERSHIP_VIEWER', 'AUDITOR')";
    static final String GENERATE = "hasAnyRole('PLAN_COORDINATOR', 'LEADERSHIP_VIEWER')";

    private final ReportArchive archive;
    private final DeidentifiedRelease release;
    private final StatisticalReport report;

    DocumentController(ReportArchive archive, DeidentifiedRelease release, StatisticalReport report) {
        this.archive = archive;
        this.release = release;
        this.report = report;
    }

    @GetMapping("/reporting/documents")
    @PreAuthorize(READ)
    String list(CurrentUser user, Model model) {
        model.addAttribute("documents", archive.list(user));
        model.addAttribute("mayGenerate", ReportArchive.mayGenerate(user));
        model.addAttribute("formats", StatisticalReport.Format.values());
        model.addAttribute("zone", ReadModel.VIETNAM_ZONE);
        return "reporting/documents";
    }

    @PostMapping("/reporting/documents")
    @PreAuthorize(GENERATE)
    String generate(@RequestParam(required = false) String period, @RequestParam(required = false) String format,
                    @RequestParam(required = false) String purpose, CurrentUser user, RedirectAttributes redirect) {
        // every parameter optional, so that the role check runs before any input is read (403, not 400)
        Period parsed;
        StatisticalReport.Format chosen;
        try {
            parsed = Period.parse(period);
            chosen = StatisticalReport.Format.valueOf(format == null ? "" : format);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "reporting.documents.error.period");
            return "redirect:/reporting/documents";
        }
        if (purpose == null || purpose.isBlank()) {
            redirect.addFlashAttribute("error", "reporting.documents.error.purpose");
            return "redirect:/reporting/documents";
        }
        archive.generate(user, parsed, chosen, purpose);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reporting/documents";
    }

    @GetMapping("/reporting/documents/{id}")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> download(@PathVariable long id, CurrentUser user) {
        ReportArchive.File file = archive.download(user, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @GetMapping("/reporting/release")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    String releasePage(Model model) {
        model.addAttribute("preview", release.preview());
        model.addAttribute("k", DeidentifiedRelease.K);
        model.addAttribute("fields", DeidentifiedRelease.FIELDS);
        return "reporting/release";
    }

    @PostMapping("/reporting/release")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    Object export(@RequestParam(required = false) String purpose, CurrentUser user, RedirectAttributes redirect) {
        if (purpose == null || purpose.isBlank()) {
            redirect.addFlashAttribute("error", "reporting.documents.error.purpose");
            return "redirect:/reporting/release";
        }
        String csv = release.export(user, purpose);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ctdc-release.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    Locale vi() {
        return Locale.forLanguageTag("vi");
    }
}
