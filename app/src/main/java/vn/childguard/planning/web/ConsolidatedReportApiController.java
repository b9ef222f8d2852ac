package vn.childguard.planning.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.internal.ConsolidatedReport;

/** {@code GET /api/v1/plans/{id}/reports/{period}?format=docx|pdf|xlsx}. */
@RestController
class ConsolidatedReportApiController {

    private final ConsolidatedReport reports;

    ConsolidatedReportApiController(ConsolidatedReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/plans/{id}/reports/{period}")
    ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable String period,
                                  @RequestParam(defaultValue = "docx") String format, CurrentUser user) {
        return ConsolidatedReportDownloads.download(reports, user, id, period, format);
    }
}
