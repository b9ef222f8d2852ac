package vn.childguard.casework.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAttachmentRepository extends JpaRepository<CaseAttachment, Long> {

    List<CaseAttachment> findByCaseIdOrderByUploadedAt(long caseId);
}
