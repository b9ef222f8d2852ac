package vn.childguard.planning.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.internal.ConsolidatedReport;

/** The consolidated report as a download from the matrix page. */
@Controller
class ConsolidatedReportController {

    private final ConsolidatedReport reports;

    ConsolidatedReportController(ConsolidatedReport reports) {
        this.reports = reports;
    }

    @GetMapping("/plans/{id}/consolidated")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam String period,
                                    @RequestParam(defaultValue = "docx") String format, CurrentUser user) {
        return ConsolidatedReportDownloads.download(reports, user, id, period, format);
    }
}
