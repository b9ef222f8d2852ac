package vn.childguard.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.shared.documents.DocumentNumbers;
import vn.childguard.shared.documents.DocumentRenderer;
import vn.childguard.shared.documents.OfficialDocument;

/**
 * The notification of a breach to the authority as a Decree 30 document (DOCX, Vietnamese), so the office
 * can still edit and sign it. Its parts are those Decree 13/2023 Art. 23(3) requires, which Decree 356/2025
 * keeps in its form: the description (when, where, what happened, which data and how many people), the
 * contact of the person in charge of data protection, the likely consequences and damage, the measures
 * taken; and, when sent after the 72 hours, the reason for the delay (Art. 23(1)). Audited as an export. Administrators only: each one takes the issuer's next document number.
 */
@Component
public class BreachNotice {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Breaches breaches;
    private final PrivacyPolicy policy;
    private final DocumentRenderer renderer;
    private final DocumentNumbers numbers;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    BreachNotice(Breaches breaches, PrivacyPolicy policy, DocumentRenderer renderer, DocumentNumbers numbers,
                 MessageSource messages, AuditLog audit, Clock clock) {
        this.breaches = breaches;
        this.policy = policy;
        this.renderer = renderer;
        this.numbers = numbers;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The DOCX, once the breach is assessed (the content needs the consequences, measures and contact). */
    @Transactional
    public byte[] docx(CurrentUser user, long id) {
        policy.requireManage(user, AuditLog.Actions.EXPORT, Breaches.ENTITY, id);
        Breaches.Breach b = breaches.load(id);
        if (!b.assessed()) {
            throw PrivacyException.field("riskLevel", "privacy.error.notAssessed");
        }
        byte[] file = renderer.docx(document(user, b));
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, Breaches.ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("notification docx"));
        return file;
    }

    OfficialDocument document(CurrentUser user, Breaches.Breach b) {
        LocalDate today = LocalDate.now(clock.withZone(ClockStatus.VIETNAM));
        String categories = String.join(", ", b.categories().stream()
                .map(c -> text("privacy.category." + c).toLowerCase(VI)).toList());
        List<OfficialDocument.Section> sections = new ArrayList<>();
        List<String> description = new ArrayList<>();
        description.add(text("privacy.notice.discovered", WHEN.format(b.discoveredAt().atZone(ClockStatus.VIETNAM))));
        if (b.occurred() != null) {
            description.add(text("privacy.notice.occurred", b.occurred()));
        }
        description.add(text("privacy.notice.what", b.description()));
        description.add(text("privacy.notice.cause", b.cause()));
        description.add(text("privacy.notice.data", b.dataAffected()));
        description.add(text("privacy.notice.categories", categories));
        description.add(text("privacy.notice.subjects", b.subjectsCount()));
        description.add(text("privacy.notice.risk", text("privacy.risk." + b.riskLevel())));
        sections.add(new OfficialDocument.Section(text("privacy.notice.part.description"), description, List.of(), List.of()));
        sections.add(OfficialDocument.Section.of(text("privacy.notice.part.contact"), b.contact()));
        sections.add(OfficialDocument.Section.of(text("privacy.notice.part.consequences"), b.consequences()));
        sections.add(OfficialDocument.Section.of(text("privacy.notice.part.measures"),
                text("privacy.notice.containment", b.containment()), text("privacy.notice.measures", b.measures())));
        if (b.lateReason() != null) {
            sections.add(OfficialDocument.Section.of(text("privacy.notice.part.late"), b.lateReason()));
        }
        String symbol = "TB-" + user.agencyCode().replaceAll("[^A-Za-z0-9]", "");
        return new OfficialDocument(new OfficialDocument.Issuer(text("privacy.notice.issuerParent"), user.agencyNameVi()),
                numbers.next(user.agencyCode(), today.getYear()), symbol, text("privacy.notice.place"), today,
                text("privacy.notice.type").toUpperCase(VI), List.of(text("privacy.notice.summary")), sections, null,
                new OfficialDocument.Signature(null, text("privacy.notice.signerTitle").toUpperCase(VI), user.fullName()),
                List.of(text("privacy.notice.to.authority"), text("privacy.notice.to.archive")));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
