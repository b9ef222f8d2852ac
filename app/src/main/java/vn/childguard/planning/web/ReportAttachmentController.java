package vn.childguard.planning.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.internal.ProgressReport;
import vn.childguard.planning.internal.ReportAttachments;
import vn.childguard.shared.StorageFailure;

/** Uploading and downloading the files attached to a progress report. */
@Controller
class ReportAttachmentController {

    private static final Logger log = LoggerFactory.getLogger(ReportAttachmentController.class);

    private final ReportAttachments attachments;

    ReportAttachmentController(ReportAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/reports/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, CurrentUser user,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("attachmentError", "planning.attachment.error.empty");
            return "redirect:/reports/" + id + "#attachments";
        }
        try {
            attachments.attach(user, id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("flash", "planning.attachment.saved");
        } catch (ProgressReport.WorkflowException e) {
            redirect.addFlashAttribute("attachmentError", e.messageKey());
        } catch (RuntimeException e) {
            if (!StorageFailure.is(e)) {
                throw e;
            }
            // the transaction rolled back: neither the file nor its audit entry was kept
            log.warn("Attachment of report {} not stored: storage full or unavailable ({})", id, e.getClass().getName());
            redirect.addFlashAttribute("attachmentError", "planning.attachment.error.storage");
        }
        return "redirect:/reports/" + id + "#attachments";
    }

    @GetMapping("/reports/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        ReportAttachments.Download file = attachments.download(user, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
