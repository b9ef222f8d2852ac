package vn.childguard.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.childguard.intelligence.ProceedingFigures;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanProgress;
import vn.childguard.planning.TaskStatus;
import vn.childguard.reporting.internal.Statistics.Dimension;
import vn.childguard.reporting.internal.Statistics.Population;
import vn.childguard.reporting.internal.Statistics.Query;
import vn.childguard.shared.documents.DocumentNumbers;
import vn.childguard.shared.documents.DocumentRenderer;
import vn.childguard.shared.documents.OfficialDocument;
import vn.childguard.shared.documents.SpreadsheetTable;

/**
 * The periodic statistical report (quarter, half-year, year) of the province's work against child
 * trafficking and for child protection: the Decree 30 document (DOCX to edit, PDF as issued) with the
 * tables of the statistics service, the same tables as XLSX (totals as formulas) and as CSV. Every
 * number is asked from {@link Statistics} or the modules' figures at generation; none is typed.
 * Generated text is Vietnamese, the language of official documents.
 */
@Service
public class StatisticalReport {

    /** The formats the report comes in. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PDF("application/pdf", "pdf"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv;charset=UTF-8", "csv"),
        /** The tables for the public: cells under 11 suppressed, and any total that would reveal them. */
        PUBLIC_CSV("text/csv;charset=UTF-8", "csv");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /**
     * A table of counts: row labels, column headings (the last column is the row total when
     * {@code totals}), numbers, and a total row when {@code totals}.
     */
    public record CountTable(String id, String title, String rowHeading, List<String> columns, List<String> rowLabels,
                             List<List<Long>> values, boolean totals) {

        public long total(int column) {
            return values.stream().mapToLong(r -> r.get(column)).sum();
        }

        public long rowTotal(int row) {
            return values.get(row).stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Who issues the report, for the header and the signature. */
    public record Issuer(String agencyCode, String agencyName, String signerName) {
    }

    /** Cells of public tables below this are shown as "&lt; 11" (the CTDC threshold). */
    public static final int SMALL_CELL = 11;
    static final Locale VI = Locale.forLanguageTag("vi");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Statistics statistics;
    private final Labels labels;
    private final Dashboards dashboards;
    private final ProceedingFigures proceedings;
    private final PlanProgress plans;
    private final DocumentRenderer renderer;
    private final DocumentNumbers numbers;
    private final Clock clock;

    StatisticalReport(Statistics statistics, Labels labels, Dashboards dashboards, ProceedingFigures proceedings,
                      PlanProgress plans, DocumentRenderer renderer, DocumentNumbers numbers, Clock clock) {
        this.statistics = statistics;
        this.labels = labels;
        this.dashboards = dashboards;
        this.proceedings = proceedings;
        this.plans = plans;
        this.renderer = renderer;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** The tables of the report for the period, as the statistics service answers them. */
    public List<CountTable> tables(Period period) {
        LocalDate from = period.start();
        LocalDate to = period.end();
        List<CountTable> tables = new ArrayList<>();
        // 1. victims by Vietnamese age band × sex
        List<String> sexes = List.of("M", "F", Statistics.UNKNOWN);
        List<List<Long>> bySexAge = new ArrayList<>();
        List<String> ageLabels = new ArrayList<>();
        for (String band : AgeBands.VN) {
            List<Long> row = new ArrayList<>();
            for (String sex : sexes) {
                row.add(statistics.total(new Query(Population.VICTIMS, Statistics.Measure.CASES, from, to,
                        Map.of(Dimension.AGE_VN, band, Dimension.SEX, sex), Dimension.KIND)));
            }
            bySexAge.add(row);
            ageLabels.add(labels.of(Dimension.AGE_VN, band, VI));
        }
        tables.add(new CountTable("victims-age-sex", text("reporting.report.table.ageSex"),
                text("reporting.dimension.AGE_VN"), sexes.stream().map(s -> labels.of(Dimension.SEX, s, VI)).toList(),
                ageLabels, bySexAge, true));
        tables.add(oneWay("victims-ctdc", "reporting.report.table.ctdc", Dimension.AGE_CTDC, Population.VICTIMS, from, to,
                AgeBands.CTDC));
        tables.add(oneWay("victims-exploitation", "reporting.report.table.exploitation", Dimension.EXPLOITATION,
                Population.VICTIMS, from, to, null));
        tables.add(oneWay("victims-destination", "reporting.report.table.destination", Dimension.DESTINATION,
                Population.VICTIMS, from, to, null));
        tables.add(oneWay("victims-return", "reporting.report.table.return", Dimension.RETURN_MODE, Population.VICTIMS,
                from, to, null));
        tables.add(oneWay("victims-support", "reporting.report.table.support", Dimension.SUPPORT, Population.VICTIMS,
                from, to, null));
        tables.add(oneWay("cp-commune", "reporting.report.table.cpCommune", Dimension.COMMUNE,
                Population.CHILD_PROTECTION, from, to, null));
        ProceedingFigures.Programme pr = proceedings.programme(from, to);
        tables.add(new CountTable("proceedings", text("reporting.report.table.proceedings"),
                text("reporting.report.col.indicator"), List.of(text("reporting.report.col.count")),
                List.of(text("reporting.kpi.received"), text("reporting.kpi.settledCount"), text("reporting.kpi.initiated"),
                        text("reporting.kpi.clearedCount"), text("reporting.kpi.indictedCount"),
                        text("reporting.kpi.triedCount")),
                List.of(List.of(pr.received()), List.of(pr.settled()), List.of(pr.initiated()), List.of(pr.cleared()),
                        List.of(pr.indicted()), List.of(pr.tried())), false));
        return tables;
    }

    private CountTable oneWay(String id, String titleKey, Dimension d, Population population, LocalDate from, LocalDate to,
                              List<String> order) {
        Map<String, Long> counts = statistics.count(Query.of(population, from, to, d));
        List<String> codes = order != null ? order : List.copyOf(counts.keySet());
        List<String> rowLabels = new ArrayList<>();
        List<List<Long>> values = new ArrayList<>();
        for (String code : codes) {
            rowLabels.add(labels.of(d, code, VI));
            values.add(List.of(counts.getOrDefault(code, 0L)));
        }
        // multi-valued dimensions count a case once per code: no total that would suggest otherwise
        boolean totals = d.codeList == null;
        return new CountTable(id, text(titleKey), text("reporting.dimension." + d), List.of(text("reporting.report.col.count")),
                rowLabels, values, totals);
    }

    /** The report as a Decree 30 document. */
    public OfficialDocument document(Issuer issuer, Period period, List<CountTable> tables) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        String periodName = periodName(period);
        long victims = statistics.total(new Query(Population.VICTIMS, Statistics.Measure.PEOPLE, period.start(),
                period.end(), Map.of(), Dimension.KIND));
        long identified = statistics.total(new Query(Population.IDENTIFIED_VICTIMS, Statistics.Measure.PEOPLE,
                period.start(), period.end(), Map.of(), Dimension.KIND));
        long cp = statistics.total(Query.of(Population.CHILD_PROTECTION, period.start(), period.end(), Dimension.KIND));
        List<OfficialDocument.Section> sections = new ArrayList<>();
        sections.add(OfficialDocument.Section.of(text("reporting.report.general"),
                text("reporting.report.generalBody", periodName, victims, identified, cp)));
        List<OfficialDocument.Table> victimTables = tables.stream().filter(t -> t.id().startsWith("victims"))
                .map(t -> table(t, false)).toList();
        sections.add(new OfficialDocument.Section(text("reporting.report.victims"),
                tables.stream().filter(t -> t.id().startsWith("victims")).map(CountTable::title).toList(), List.of(),
                victimTables));
        CountTable communes = tables.stream().filter(t -> t.id().equals("cp-commune")).findFirst().orElseThrow();
        sections.add(new OfficialDocument.Section(text("reporting.report.childProtection"),
                List.of(text("reporting.report.childProtectionBody", cp)), List.of(), List.of(table(communes, false))));
        ProceedingFigures.Programme pr = proceedings.programme(period.start(), period.end());
        List<String> kpiLines = dashboards.kpis(pr, VI).stream().map(k -> text("reporting.report.kpiLine", k.label(),
                k.percent() == null ? "—" : k.percent() + "%", k.target() + "%")).toList();
        CountTable proceedingTable = tables.stream().filter(t -> t.id().equals("proceedings")).findFirst().orElseThrow();
        sections.add(new OfficialDocument.Section(text("reporting.report.proceedings"), kpiLines, List.of(),
                List.of(table(proceedingTable, false))));
        List<String> planLines = new ArrayList<>();
        for (PlanProgress.Progress p : plans.on(today)) {
            planLines.add(text("reporting.report.planLine", p.planCode(), p.periodCode(),
                    p.total(TaskStatus.DONE_ON_TIME), p.total(TaskStatus.DONE_LATE), p.total(TaskStatus.IN_PROGRESS),
                    p.total(TaskStatus.OVERDUE)));
        }
        if (planLines.isEmpty()) {
            planLines.add(text("reporting.report.noPlan"));
        }
        sections.add(new OfficialDocument.Section(text("reporting.report.plan"), planLines, List.of(), List.of()));
        String symbol = "BC-" + issuer.agencyCode().replaceAll("[^A-Za-z0-9]", "");
        return new OfficialDocument(new OfficialDocument.Issuer("UBND TỈNH TÂY NINH", issuer.agencyName()),
                numbers.next(issuer.agencyCode(), today.getYear()), symbol, "Tây Ninh", today,
                text("reporting.report.type").toUpperCase(VI), List.of(text("reporting.report.summary"), periodName),
                sections, null,
                new OfficialDocument.Signature(null, text("reporting.report.signerTitle").toUpperCase(VI), issuer.signerName()),
                List.of(text("reporting.report.to.committee"), text("reporting.report.to.ministry"),
                        text("reporting.report.to.archive")));
    }

    /** The rendered file. {@code watermark} names who generated it and when (in XLSX titles and CSV). */
    public byte[] render(Issuer issuer, Period period, Format format, String watermark) {
        List<CountTable> tables = tables(period);
        return switch (format) {
            case DOCX -> renderer.docx(document(issuer, period, tables));
            case PDF -> renderer.pdf(document(issuer, period, tables));
            case XLSX -> renderer.xlsx(tables.stream().map(t -> sheet(t, watermark)).toList());
            case CSV -> csv(tables, watermark, false).getBytes(StandardCharsets.UTF_8);
            case PUBLIC_CSV -> csv(tables, watermark, true).getBytes(StandardCharsets.UTF_8);
        };
    }

    public String periodName(Period period) {
        return text("reporting.period." + period.kind(), period.index(), period.year());
    }

    /**
     * A document table: numbers as text, a total column and row when the table has totals. With
     * {@code suppressSmall} (public tables) a count from 1 to 10 shows as "&lt; 11", and a total is
     * hidden ("x") when its row or column holds a suppressed cell, so that it cannot be subtracted back.
     */
    static OfficialDocument.Table table(CountTable t, boolean suppressSmall) {
        List<String> header = new ArrayList<>();
        header.add("TT");
        header.add(t.rowHeading());
        header.addAll(t.columns());
        boolean rowTotals = t.totals() && t.columns().size() > 1;
        if (rowTotals) {
            header.add("Tổng");
        }
        boolean[] columnHidden = new boolean[t.columns().size()];
        boolean anyHidden = false;
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowLabels().size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(r + 1));
            row.add(t.rowLabels().get(r));
            boolean rowHidden = false;
            for (int c = 0; c < t.columns().size(); c++) {
                long v = t.values().get(r).get(c);
                boolean hidden = suppressSmall && small(v);
                columnHidden[c] |= hidden;
                rowHidden |= hidden;
                row.add(cell(v, suppressSmall));
            }
            anyHidden |= rowHidden;
            if (rowTotals) {
                row.add(rowHidden ? "x" : cell(t.rowTotal(r), suppressSmall));
            }
            rows.add(row);
        }
        if (t.totals()) {
            List<String> total = new ArrayList<>();
            total.add("");
            total.add("Tổng cộng");
            long all = 0;
            for (int c = 0; c < t.columns().size(); c++) {
                total.add(columnHidden[c] ? "x" : cell(t.total(c), suppressSmall));
                all += t.total(c);
            }
            if (rowTotals) {
                total.add(anyHidden ? "x" : cell(all, suppressSmall));
            }
            rows.add(total);
        }
        return new OfficialDocument.Table(header, rows);
    }

    private static boolean small(long value) {
        return value > 0 && value < SMALL_CELL;
    }

    static String cell(long value, boolean suppressSmall) {
        return suppressSmall && small(value) ? "< " + SMALL_CELL : String.valueOf(value);
    }

    /** A sheet: the counts as numbers, totals as SUM formulas over the cells above / to the left. */
    static SpreadsheetTable sheet(CountTable t, String watermark) {
        List<String> header = new ArrayList<>();
        header.add(t.rowHeading());
        header.addAll(t.columns());
        boolean rowTotals = t.totals() && t.columns().size() > 1;
        if (rowTotals) {
            header.add("Tổng");
        }
        String title = t.title() + (watermark == null ? "" : " — " + watermark);
        int first = title.isBlank() ? 2 : 4;
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowLabels().size(); r++) {
            List<Object> row = new ArrayList<>();
            row.add(t.rowLabels().get(r));
            row.addAll(t.values().get(r));
            if (rowTotals) {
                int excelRow = first + r;
                row.add(new SpreadsheetTable.Formula("SUM(B" + excelRow + ":"
                        + SpreadsheetTable.column(t.columns().size()) + excelRow + ")"));
            }
            rows.add(row);
        }
        if (t.totals() && !t.rowLabels().isEmpty()) {
            List<Object> total = new ArrayList<>();
            total.add("Tổng cộng");
            int last = first + t.rowLabels().size() - 1;
            for (int c = 1; c < header.size(); c++) {
                String col = SpreadsheetTable.column(c);
                total.add(new SpreadsheetTable.Formula("SUM(" + col + first + ":" + col + last + ")"));
            }
            rows.add(total);
        }
        String name = t.id().length() > 31 ? t.id().substring(0, 31) : t.id();
        return SpreadsheetTable.of(name, title, header, rows);
    }

    /** Every table one after the other, a blank line between; formula triggers neutralised. */
    public static String csv(List<CountTable> tables, String watermark, boolean suppressSmall) {
        StringBuilder out = new StringBuilder();
        if (watermark != null) {
            out.append(CsvText.line(List.of(watermark)));
        }
        for (CountTable t : tables) {
            out.append(CsvText.line(List.of(t.title())));
            OfficialDocument.Table table = table(t, suppressSmall);
            out.append(CsvText.line(table.header()));
            table.rows().forEach(r -> out.append(CsvText.line(r)));
            out.append("\r\n");
        }
        return out.toString();
    }

    private String text(String key, Object... args) {
        return labels.message(key, VI, args);
    }

    static String fileName(Period period, Format format) {
        return "bao-cao-thong-ke-" + period.code() + (format == Format.PUBLIC_CSV ? "-cong-khai" : "") + "."
                + format.extension;
    }

    static String stamp(String username, java.time.Instant at) {
        return "Xuất bởi " + username + " lúc " + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(VIETNAM));
    }
}
