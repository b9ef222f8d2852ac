package vn.childguard.planning.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.internal.ConsolidatedReport;

/** Turns a request for the consolidated report into a file download, for the page and the API alike. */
final class ConsolidatedReportDownloads {

    private ConsolidatedReportDownloads() {
    }

    static ResponseEntity<byte[]> download(ConsolidatedReport reports, CurrentUser user, long planId, String period,
                                           String format) {
        ConsolidatedReport.Format chosen;
        Period parsed;
        try {
            chosen = ConsolidatedReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
            parsed = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
        ConsolidatedReport.File file = reports.generate(user, planId, parsed, chosen);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
