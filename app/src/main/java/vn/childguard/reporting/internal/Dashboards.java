package vn.childguard.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.intelligence.ProceedingFigures;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanProgress;
import vn.childguard.planning.TaskStatus;
import vn.childguard.reporting.internal.Statistics.Dimension;
import vn.childguard.reporting.internal.Statistics.Population;
import vn.childguard.reporting.internal.Statistics.Query;
import vn.childguard.screening.ScreeningFigures;

/**
 * The dashboards of each role as view models: every figure with its label, value and (where the user
 * may open it) the list behind it; every chart with the same figures as a table and a sentence.
 */
@Service
public class Dashboards {

    /** A headline figure; {@code previous} is the same figure for the period before, or null. */
    public record Figure(String id, String label, long value, Long previous, String link) {
        public Long change() {
            return previous == null ? null : value - previous;
        }
    }

    /** One line of a breakdown table. */
    public record Line(String code, String label, long value, String link) {
    }

    /** A chart with its table and its text summary. */
    public record Breakdown(String id, String title, String svg, List<Line> lines, String summary) {
        public long total() {
            return lines.stream().mapToLong(Line::value).sum();
        }
    }

    /** A programme KPI against its target: green at or above, amber within 10 points, red below; grey without data. */
    public record Kpi(String id, String label, long part, long whole, Integer percent, int target) {
        public String rag() {
            if (percent == null) {
                return "NONE";
            }
            return percent >= target ? "GREEN" : percent >= target - 10 ? "AMBER" : "RED";
        }

        public String colour() {
            return switch (rag()) {
                case "GREEN" -> "success";
                case "AMBER" -> "warning";
                case "RED" -> "danger";
                default -> "secondary";
            };
        }
    }

    public static final List<TaskStatus> FOUR = List.of(TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE,
            TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE);

    private final Statistics statistics;
    private final Labels labels;
    private final CommuneMap map;
    private final ProceedingFigures proceedings;
    private final PlanProgress plans;
    private final ScreeningFigures screening;
    private final ReadModel readModel;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Dashboards(Statistics statistics, Labels labels, CommuneMap map, ProceedingFigures proceedings, PlanProgress plans,
               ScreeningFigures screening, ReadModel readModel, JdbcTemplate jdbc, Clock clock) {
        this.screening = screening;
        this.statistics = statistics;
        this.labels = labels;
        this.map = map;
        this.proceedings = proceedings;
        this.plans = plans;
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ReadModel.VIETNAM));
    }

    public Instant refreshedAt() {
        return readModel.refreshedAt().orElse(null);
    }

    /** The period before: the same kind, one step back. */
    public static Period previous(Period p) {
        return Period.containing(p.kind(), p.start().minusDays(1));
    }

    // ------------------------------------------------------------------ leadership

    @Transactional(readOnly = true)
    public Map<String, Object> leadership(CurrentUser user, Period period, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        Period before = previous(period);
        List<Figure> figures = new ArrayList<>();
        String tcList = mayOpen(user, "TC") ? "/trafficking-cases" : null;
        String cpList = mayOpen(user, "CP") ? "/cases" : null;
        figures.add(figure("victims", locale, Population.VICTIMS, period, before, tcList));
        figures.add(figure("identified", locale, Population.IDENTIFIED_VICTIMS, period, before, tcList));
        figures.add(figure("supported", locale, Population.SUPPORTED_VICTIMS, period, before, tcList));
        figures.add(figure("cpCases", locale, Population.CHILD_PROTECTION, period, before, cpList));
        ProceedingFigures.Programme now = proceedings.programme(period.start(), period.end());
        ProceedingFigures.Programme then = proceedings.programme(before.start(), before.end());
        figures.add(new Figure("proceedings", labels.message("reporting.figure.proceedings", locale), now.received(),
                then.received(), mayOpen(user, "PROCEEDING") ? "/intelligence/proceedings" : null));
        Map<String, Long> alerts = screening.alertsByStatus(period.start(), period.end());
        Map<String, Long> alertsBefore = screening.alertsByStatus(before.start(), before.end());
        String screeningList = user.has(Role.SCREENING_OFFICER) || user.has(Role.INTELLIGENCE_OFFICER) ? "/screening" : null;
        figures.add(new Figure("alerts", labels.message("reporting.figure.alerts", locale),
                alerts.values().stream().mapToLong(Long::longValue).sum(),
                alertsBefore.values().stream().mapToLong(Long::longValue).sum(), screeningList));
        model.put("figures", figures);
        List<Line> alertLines = alerts.entrySet().stream().map(e -> new Line(e.getKey(),
                labels.message("screening.status." + e.getKey(), locale), e.getValue(), screeningList)).toList();
        String alertTitle = labels.message("reporting.chart.alerts", locale);
        model.put("alerts", new Breakdown("alerts", alertTitle, Charts.bars(alertTitle, alertLines.stream()
                .map(l -> new Charts.Bar(l.label(), l.value())).toList()), alertLines,
                labels.message("reporting.summary.alerts", locale, alertLines.stream().mapToLong(Line::value).sum(),
                        alerts.getOrDefault("ESCALATED", 0L) + alerts.getOrDefault("REFERRED", 0L),
                        alerts.getOrDefault("DISMISSED", 0L))));

        // trend over the last eight periods of the kind
        List<Charts.Bar> trend = new ArrayList<>();
        List<Line> trendLines = new ArrayList<>();
        Period p = period;
        List<Period> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.addFirst(p);
            p = previous(p);
        }
        Map<String, Long> byPeriod = statistics.count(new Query(Population.VICTIMS, Statistics.Measure.CASES,
                eight.getFirst().start(), period.end(), Map.of(), kindDimension(period.kind())));
        for (Period q : eight) {
            long v = byPeriod.getOrDefault(q.code(), 0L);
            trend.add(new Charts.Bar(q.code(), v));
            trendLines.add(new Line(q.code(), q.code(), v, null));
        }
        String trendTitle = labels.message("reporting.chart.victimTrend", locale);
        model.put("trend", new Breakdown("trend", trendTitle, Charts.columns(trendTitle, trend), trendLines,
                labels.message("reporting.summary.trend", locale, period.code(), byPeriod.getOrDefault(period.code(), 0L),
                        before.code(), byPeriod.getOrDefault(before.code(), 0L))));

        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension d : List.of(Dimension.SEX, Dimension.AGE_VN, Dimension.AGE_CTDC, Dimension.EXPLOITATION,
                Dimension.DESTINATION, Dimension.RETURN_MODE, Dimension.SUPPORT)) {
            breakdowns.add(breakdown(Query.of(Population.VICTIMS, period.start(), period.end(), d), "victims", locale,
                    code -> null));
        }
        model.put("breakdowns", breakdowns);

        Map<String, Long> byCommune = statistics.count(Query.of(Population.ALL_CASES, period.start(), period.end(),
                Dimension.COMMUNE));
        model.put("map", communeMap(byCommune, locale, cpList == null ? null : "/cases?unit="));
        model.put("plans", planProgress());
        model.put("four", FOUR);
        return model;
    }

    // ------------------------------------------------------------------ police

    @Transactional(readOnly = true)
    public Map<String, Object> police(CurrentUser user, Period period, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        ProceedingFigures.Programme pr = proceedings.programme(period.start(), period.end());
        model.put("programme", pr);
        model.put("kpis", kpis(pr, locale));
        Map<String, Long> stages = proceedings.byStage(period.start(), period.end());
        String link = mayOpen(user, "PROCEEDING") ? "/intelligence/proceedings" : null;
        List<Line> lines = stages.entrySet().stream()
                .map(e -> new Line(e.getKey(), labels.stage(e.getKey(), locale), e.getValue(), link)).toList();
        String title = labels.message("reporting.chart.stages", locale);
        model.put("stages", new Breakdown("stages", title,
                Charts.bars(title, lines.stream().map(l -> new Charts.Bar(l.label(), l.value())).toList()), lines,
                labels.message("reporting.summary.stages", locale, pr.received(), period.code())));
        List<PlanProgress.Progress> progress = planProgress();
        model.put("plans", progress);
        model.put("four", FOUR);
        List<PlanProgress.AgencyRow> overdue = progress.stream().flatMap(pp -> pp.agencies().stream())
                .filter(a -> a.count(TaskStatus.OVERDUE) > 0)
                .sorted((a, b) -> Integer.compare(b.count(TaskStatus.OVERDUE), a.count(TaskStatus.OVERDUE))).toList();
        model.put("overdueAgencies", overdue);
        model.put("planLink", user.has(Role.PLAN_COORDINATOR) || user.has(Role.LEADERSHIP_VIEWER)
                || user.has(Role.AUDITOR) ? "/plans" : null);
        return model;
    }

    public List<Kpi> kpis(ProceedingFigures.Programme pr, Locale locale) {
        return List.of(
                kpi("settled", locale, pr.settled(), pr.received(), 90),
                kpi("cleared", locale, pr.cleared(), pr.initiated(), 90),
                kpi("indicted", locale, pr.indicted(), pr.cleared(), 95),
                kpi("tried", locale, pr.tried(), pr.indicted(), 90));
    }

    private Kpi kpi(String id, Locale locale, long part, long whole, int target) {
        return new Kpi(id, labels.message("reporting.kpi." + id, locale), part, whole,
                whole == 0 ? null : (int) Math.round(100.0 * part / whole), target);
    }

    // ------------------------------------------------------------------ casework

    /** Counts of the user's agency's child-protection work; "mine" are the cases the user leads. */
    public record Workload(long open, long mine, long dueSoon, long overdue, long referralsWaiting,
                           Double daysToAssessment, Double daysToPlan, Double daysToApproval) {
    }

    @Transactional(readOnly = true)
    public Map<String, Object> casework(CurrentUser user, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        String agency = user.agencyCode();
        Instant now = clock.instant();
        model.put("workload", workload(agency, user.username(), now));
        Map<String, Long> byStatus = statistics.count(new Query(Population.OPEN_CHILD_PROTECTION, Statistics.Measure.CASES,
                null, null, Map.of(Dimension.AGENCY, agency), Dimension.STATUS));
        List<Line> lines = byStatus.entrySet().stream().map(e -> new Line(e.getKey(),
                labels.of(Dimension.STATUS, e.getKey(), locale), e.getValue(), "/cases?status=" + e.getKey())).toList();
        String title = labels.message("reporting.chart.caseload", locale);
        model.put("caseload", new Breakdown("caseload", title,
                Charts.bars(title, lines.stream().map(l -> new Charts.Bar(l.label(), l.value())).toList()), lines,
                labels.message("reporting.summary.caseload", locale, lines.stream().mapToLong(Line::value).sum())));
        Map<String, Long> deadlines = new LinkedHashMap<>();
        jdbc.query("select kind, count(*) from rpt_deadline_fact where agency_code = ? and due_at < ? group by kind order by kind",
                rs -> {
                    deadlines.put(rs.getString(1), rs.getLong(2));
                }, agency, ReadModel.utc(now));
        model.put("overdueByKind", deadlines);
        return model;
    }

    public Workload workload(String agency, String username, Instant now) {
        long open = count("select count(*) from rpt_case_fact where kind = 'CP' and open_case and agency_code = ?", agency);
        long mine = count("select count(*) from rpt_case_fact where kind = 'CP' and open_case and agency_code = ? "
                + "and lead_username = ?", agency, username);
        long overdue = count("select count(*) from rpt_deadline_fact where agency_code = ? and due_at < ?", agency,
                ReadModel.utc(now));
        long dueSoon = count("select count(*) from rpt_deadline_fact where agency_code = ? and due_at >= ? and due_at < ?",
                agency, ReadModel.utc(now), ReadModel.utc(now.plus(7, ChronoUnit.DAYS)));
        long waiting = count("select count(*) from rpt_referral_fact where to_agency = ? and status = 'SENT'", agency);
        Map<String, Object> avg = jdbc.queryForMap("select avg(cast(days_to_assessment as double precision)) a, "
                + "avg(cast(days_to_plan as double precision)) p, avg(cast(days_to_approval as double precision)) v "
                + "from rpt_case_fact where kind = 'CP' and agency_code = ?", agency);
        return new Workload(open, mine, dueSoon, overdue, waiting, dbl(avg.get("a")), dbl(avg.get("p")),
                dbl(avg.get("v")));
    }

    private static Double dbl(Object v) {
        return v == null ? null : Math.round(((Number) v).doubleValue() * 10) / 10.0;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    // ------------------------------------------------------------------ shared pieces

    private volatile List<PlanProgress.Progress> progress;
    private volatile long progressAt;

    /**
     * The plans' matrix counts, recomputed at most once a minute: they do not depend on cases and
     * cost more than every case query of a dashboard together (the planning module's matrix).
     */
    List<PlanProgress.Progress> planProgress() {
        long now = System.nanoTime();
        if (progress == null || now - progressAt > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            progress = plans.on(today());
            progressAt = now;
        }
        return progress;
    }

    private Figure figure(String id, Locale locale, Population population, Period period, Period before, String link) {
        Query now = new Query(population, Statistics.Measure.PEOPLE, period.start(), period.end(), Map.of(), Dimension.KIND);
        Query then = new Query(population, Statistics.Measure.PEOPLE, before.start(), before.end(), Map.of(), Dimension.KIND);
        if (population == Population.CHILD_PROTECTION) {
            now = new Query(population, Statistics.Measure.CASES, period.start(), period.end(), Map.of(), Dimension.KIND);
            then = new Query(population, Statistics.Measure.CASES, before.start(), before.end(), Map.of(), Dimension.KIND);
        }
        return new Figure(id, labels.message("reporting.figure." + id, locale), statistics.total(now),
                statistics.total(then), link);
    }

    public Breakdown breakdown(Query q, String subject, Locale locale, java.util.function.Function<String, String> link) {
        Map<String, Long> counts = statistics.count(q);
        List<Line> lines = counts.entrySet().stream().map(e -> new Line(e.getKey(),
                labels.of(q.groupBy(), e.getKey(), locale), e.getValue(), link.apply(e.getKey()))).toList();
        String title = labels.message("reporting.chart." + subject, locale,
                labels.message("reporting.dimension." + q.groupBy(), locale));
        String summary = lines.isEmpty() ? labels.message("reporting.summary.none", locale)
                : labels.message("reporting.summary.largest", locale, lines.stream().mapToLong(Line::value).sum(),
                lines.getFirst().label(), lines.getFirst().value());
        return new Breakdown(q.groupBy().name().toLowerCase(Locale.ROOT), title,
                Charts.bars(title, lines.stream().map(l -> new Charts.Bar(l.label(), l.value())).toList()), lines, summary);
    }

    public Breakdown communeMap(Map<String, Long> byCommune, Locale locale, String linkPrefix) {
        List<Line> lines = new ArrayList<>();
        for (String code : map.codes()) {
            lines.add(new Line(code, map.name(code), byCommune.getOrDefault(code, 0L),
                    linkPrefix == null ? null : linkPrefix + code));
        }
        long unmapped = byCommune.entrySet().stream().filter(e -> !map.codes().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        if (unmapped > 0) {
            lines.add(new Line(Statistics.UNKNOWN, labels.message("reporting.map.unmapped", locale), unmapped, null));
        }
        lines.sort((a, b) -> Long.compare(b.value(), a.value()));
        String title = labels.message("reporting.chart.map", locale);
        long reached = lines.stream().filter(l -> l.value() > 0 && !Statistics.UNKNOWN.equals(l.code())).count();
        return new Breakdown("map", title, map.svg(byCommune, title, locale), lines,
                labels.message("reporting.summary.map", locale, reached, map.codes().size(),
                        lines.isEmpty() ? "—" : lines.getFirst().label(), lines.isEmpty() ? 0 : lines.getFirst().value()));
    }

    static Dimension kindDimension(Period.Kind kind) {
        return switch (kind) {
            case QUARTER -> Dimension.QUARTER;
            case HALF_YEAR -> Dimension.HALF_YEAR;
            case YEAR -> Dimension.YEAR;
        };
    }

    /** Whether the user may open the list behind a figure (the list page itself still decides per record). */
    static boolean mayOpen(CurrentUser user, String list) {
        return switch (list) {
            case "CP" -> user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR);
            case "TC" -> user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR);
            case "PROCEEDING" -> user.has(Role.INTELLIGENCE_OFFICER);
            default -> false;
        };
    }
}
