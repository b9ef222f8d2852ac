package vn.childguard.screening.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.screening.internal.AlertStore;
import vn.childguard.screening.internal.BatchService;
import vn.childguard.screening.internal.ReviewService;
import vn.childguard.screening.internal.RowError;

/**
 * Screening for the exit-entry system: batch upload and progress, and screening of single records
 * as they are made (one JSON object or an array), answering with the alerts raised.
 */
@RestController
@PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
class ScreeningApiController {

    record BatchCreated(long batchId) {
    }

    record ErrorJson(int line, String column, String message) {
    }

    record BatchStatus(long batchId, String status, int total, int stored, int processed, int alerts, List<ErrorJson> errors) {
    }

    record AlertJson(long id, String reference, String recordId, int riskScore, List<String> rules, String status,
                     int ruleVersion) {
    }

    private final BatchService batches;
    private final ReviewService review;
    private final MessageSource messages;

    ScreeningApiController(BatchService batches, ReviewService review, MessageSource messages) {
        this.batches = batches;
        this.review = review;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/screening/batches", consumes = "multipart/form-data")
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file, CurrentUser user, Locale locale) throws IOException {
        review.refreshAtRisk(false);
        var upload = batches.upload(file.getOriginalFilename(), file.getInputStream(), user, true);
        if (!upload.errors().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage("screening.batch.rejected", new Object[]{upload.errorCount()}, locale));
            problem.setProperty("batchId", upload.batchId());
            problem.setProperty("errors", errors(upload.errors(), locale));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/screening/batches/" + upload.batchId()))
                .body(new BatchCreated(upload.batchId()));
    }

    @GetMapping("/api/v1/screening/batches/{id}")
    BatchStatus status(@PathVariable long id, Locale locale) {
        review.requireOfficer();
        batches.resumePending();
        var b = batches.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new BatchStatus(b.id(), b.status(), b.total(), b.stored(), b.done(), b.alerts(),
                errors(batches.errors(id), locale));
    }

    @PostMapping(path = "/api/v1/screening/records", consumes = "application/json")
    ResponseEntity<?> records(@RequestBody Object body, Locale locale) {
        List<Map<String, String>> input = new ArrayList<>();
        if (body instanceof List<?> list) {
            list.forEach(o -> input.add(fields(o)));
        } else {
            input.add(fields(body));
        }
        if (input.isEmpty() || input.size() > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "1 to 1000 records");
        }
        // as for uploads: without it, a deployment that only streams would never match an at-risk child
        review.refreshAtRisk(false);
        var result = review.screenRecords(input);
        if (!result.errors().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage("screening.records.rejected", null, locale));
            Map<String, List<ErrorJson>> byRecord = new LinkedHashMap<>();
            result.errors().forEach((i, errs) -> byRecord.put(String.valueOf(i), errors(errs, locale)));
            problem.setProperty("errors", byRecord);
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
        }
        return ResponseEntity.ok(Map.of("alerts", result.alerts().stream().map(ScreeningApiController::json).toList()));
    }

    static AlertJson json(AlertStore.AlertRow a) {
        return new AlertJson(a.id(), a.reference(), a.recordId(), a.score(), List.of(a.rules().split(",")), a.status(),
                a.ruleVersion());
    }

    private static Map<String, String> fields(Object o) {
        if (!(o instanceof Map<?, ?> map)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a record is a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                out.put(String.valueOf(k), String.join(";", l.stream().map(String::valueOf).toList()));
            } else {
                out.put(String.valueOf(k), v == null ? null : String.valueOf(v));
            }
        });
        return out;
    }

    private List<ErrorJson> errors(List<RowError> errors, Locale locale) {
        return errors.stream().map(e -> new ErrorJson(e.line(), e.column(),
                messages.getMessage(e.messageKey(), new Object[]{e.detail()}, locale))).toList();
    }
}
