package vn.childguard.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.TaskStatus;
import vn.childguard.shared.documents.DocumentNumbers;
import vn.childguard.shared.documents.DocumentRenderer;
import vn.childguard.shared.documents.OfficialDocument;
import vn.childguard.shared.documents.SpreadsheetTable;

/**
 * The period's consolidated report of a plan, issued by the coordinator's agency in the Decree 30
 * layout: a part per task with what each agency reported, indicator totals against targets and the
 * agencies that are late, and the status of every agency in an annex. DOCX and PDF carry the same
 * document; XLSX carries the matrix and the indicators. Generated text is Vietnamese.
 */
@Service
public class ConsolidatedReport {

    /** The formats the report is issued in. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PDF("application/pdf", "pdf"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** A generated file. */
    public record File(String name, String mediaType, byte[] content) {
    }

    static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PlanningService planning;
    private final PlanningPolicy policy;
    private final DocumentRenderer renderer;
    private final DocumentNumbers numbers;
    private final MessageSource messages;
    private final AuditLog audit;

    ConsolidatedReport(PlanningService planning, PlanningPolicy policy, DocumentRenderer renderer,
                       DocumentNumbers numbers, MessageSource messages, AuditLog audit) {
        this.planning = planning;
        this.policy = policy;
        this.renderer = renderer;
        this.numbers = numbers;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public File generate(CurrentUser user, long planId, Period period, Format format) {
        if (!policy.canReadAll(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.EXPORT, "plan", planId, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("consolidated report refused");
        }
        PlanningService.Matrix matrix = planning.matrix(planId, period);
        byte[] content = switch (format) {
            case XLSX -> renderer.xlsx(spreadsheet(matrix));
            case DOCX -> renderer.docx(document(user, matrix));
            case PDF -> renderer.pdf(document(user, matrix));
        };
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, "plan", planId, AuditEntry.Outcome.SUCCESS)
                .withDetails("consolidated report " + period.code() + " " + format));
        String name = "bao-cao-" + matrix.plan().getCode().replace('/', '-') + "-" + period.code() + "."
                + format.extension;
        return new File(name, format.mediaType, content);
    }

    OfficialDocument document(CurrentUser user, PlanningService.Matrix matrix) {
        Plan plan = matrix.plan();
        Period period = matrix.period();
        LocalDate today = planning.today();
        String periodName = text("planning.period." + period.kind(), period.index(), period.year());
        String planName = text("planning.consolidated.planName", plan.getCode(), DAY.format(plan.getIssuedOn()));

        List<OfficialDocument.Section> sections = new ArrayList<>();
        Map<TaskStatus, Integer> counts = matrix.counts();
        int cells = counts.values().stream().mapToInt(Integer::intValue).sum();
        Integer onTime = matrix.onTimePercent();
        sections.add(OfficialDocument.Section.of(text("planning.consolidated.general"),
                text("planning.consolidated.generalBody", planName, periodName, matrix.agencies().size(),
                        plan.getTasks().size(), cells),
                text("planning.consolidated.counts", counts.get(TaskStatus.DONE_ON_TIME),
                        counts.get(TaskStatus.DONE_LATE), counts.get(TaskStatus.IN_PROGRESS),
                        counts.get(TaskStatus.OVERDUE), counts.get(TaskStatus.NOT_STARTED),
                        onTime == null ? "—" : onTime + "%")));

        List<OfficialDocument.Item> items = new ArrayList<>();
        for (PlanTask task : plan.getTasks()) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(task.getText());
            List<String> late = new ArrayList<>();
            Map<Long, BigDecimal> totals = new LinkedHashMap<>();
            for (AgencyRef agency : matrix.agencies()) {
                PlanningService.Cell cell = matrix.cell(agency.code(), task.getId());
                if (cell == null) {
                    continue;
                }
                if (cell.status() == TaskStatus.OVERDUE || cell.status() == TaskStatus.DONE_LATE) {
                    late.add(agency.nameVi());
                }
                ProgressReport report = cell.report();
                if (report != null && report.getStatus() != ProgressReport.Status.DRAFT && report.getNarrative() != null) {
                    paragraphs.add(agency.nameVi() + " (" + text("TaskStatus." + cell.status()) + "): "
                            + report.getNarrative());
                    report.getValues().forEach((indicator, value) -> {
                        if (value.value() != null) {
                            totals.merge(indicator, value.value(), BigDecimal::add);
                        }
                    });
                }
            }
            for (TaskIndicator indicator : task.getIndicators()) {
                BigDecimal total = totals.getOrDefault(indicator.getId(), BigDecimal.ZERO);
                paragraphs.add(indicator.getTarget() == null
                        ? text("planning.consolidated.indicator", indicator.getNameVi(), total.toPlainString(),
                                indicator.getUnit())
                        : text("planning.consolidated.indicatorTarget", indicator.getNameVi(), total.toPlainString(),
                                indicator.getUnit(), indicator.getTarget().toPlainString()));
            }
            if (!late.isEmpty()) {
                paragraphs.add(text("planning.consolidated.late", String.join("; ", late)));
            }
            items.add(new OfficialDocument.Item(text("planning.consolidated.task", task.getCode()), paragraphs));
        }
        sections.add(new OfficialDocument.Section(text("planning.consolidated.results"), List.of(), items, List.of()));
        sections.add(OfficialDocument.Section.of(text("planning.consolidated.assessment"),
                counts.get(TaskStatus.OVERDUE) == 0 ? text("planning.consolidated.assessmentGood")
                        : text("planning.consolidated.assessmentLate", counts.get(TaskStatus.OVERDUE))));

        List<List<String>> rows = new ArrayList<>();
        for (AgencyRef agency : matrix.agencies()) {
            for (PlanTask task : plan.getTasks()) {
                PlanningService.Cell cell = matrix.cell(agency.code(), task.getId());
                if (cell != null) {
                    rows.add(List.of(String.valueOf(rows.size() + 1), task.getCode(), agency.nameVi(),
                            text("TaskStatus." + cell.status()), DAY.format(cell.due())));
                }
            }
        }
        var annex = new OfficialDocument.Annex(text("planning.consolidated.annex", planName, periodName),
                new OfficialDocument.Table(List.of(text("planning.consolidated.col.no"),
                        text("planning.consolidated.col.task"), text("planning.consolidated.col.agency"),
                        text("planning.consolidated.col.status"), text("planning.consolidated.col.due")), rows));

        String symbol = "BC-" + user.agencyCode().replaceAll("[^A-Za-z0-9]", "");
        return new OfficialDocument(new OfficialDocument.Issuer(plan.getIssuerName(), user.agencyNameVi()),
                numbers.next(user.agencyCode(), today.getYear()), symbol, plan.getPlace(), today,
                text("planning.consolidated.type").toUpperCase(VI),
                List.of(text("planning.consolidated.summary", planName), periodName),
                sections, annex,
                new OfficialDocument.Signature(null, text("planning.consolidated.signerTitle").toUpperCase(VI),
                        user.fullName()),
                List.of(text("planning.consolidated.to.committee"), text("planning.consolidated.to.departments"),
                        text("planning.consolidated.to.communes"), text("planning.consolidated.to.archive")));
    }

    List<SpreadsheetTable> spreadsheet(PlanningService.Matrix matrix) {
        List<String> header = new ArrayList<>();
        header.add(text("planning.consolidated.col.agency"));
        matrix.tasks().forEach(t -> header.add(t.getCode()));
        List<List<Object>> rows = new ArrayList<>();
        for (AgencyRef agency : matrix.agencies()) {
            List<Object> row = new ArrayList<>();
            row.add(agency.nameVi());
            for (PlanTask task : matrix.tasks()) {
                PlanningService.Cell cell = matrix.cell(agency.code(), task.getId());
                row.add(cell == null ? null : text("TaskStatus." + cell.status()));
            }
            rows.add(row);
        }
        List<List<Object>> indicators = new ArrayList<>();
        for (AgencyRef agency : matrix.agencies()) {
            for (PlanTask task : matrix.tasks()) {
                PlanningService.Cell cell = matrix.cell(agency.code(), task.getId());
                if (cell == null || cell.report() == null) {
                    continue;
                }
                for (TaskIndicator indicator : task.getIndicators()) {
                    var value = cell.report().getValues().get(indicator.getId());
                    if (value != null && value.value() != null) {
                        indicators.add(List.of(task.getCode(), agency.nameVi(), indicator.getNameVi(), value.value(),
                                indicator.getUnit()));
                    }
                }
            }
        }
        String title = text("planning.consolidated.annex", matrix.plan().getCode(),
                text("planning.period." + matrix.period().kind(), matrix.period().index(), matrix.period().year()));
        return List.of(
                SpreadsheetTable.of(text("planning.consolidated.sheet.matrix"), title, header, rows),
                SpreadsheetTable.of(text("planning.consolidated.sheet.indicators"), title,
                        List.of(text("planning.consolidated.col.task"), text("planning.consolidated.col.agency"),
                                text("planning.consolidated.col.indicator"), text("planning.consolidated.col.value"),
                                text("planning.consolidated.col.unit")), indicators));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
