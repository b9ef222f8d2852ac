package vn.childguard.planning.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportAttachmentRepository extends JpaRepository<ReportAttachment, Long> {

    List<ReportAttachment> findByReportIdOrderByUploadedAt(Long reportId);
}
