package vn.childguard.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.reporting.internal.CsvText;
import vn.childguard.reporting.internal.Dashboards;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.reporting.internal.Statistics;

/**
 * The dashboards of each role and the statistics page. Aggregates only; who sees which dashboard:
 * leadership — leaders, the plan's coordinator and auditors; police — the coordinator, intelligence
 * officers, leaders and auditors; casework — case workers and supervisors (their own agency).
 */
@Controller
class DashboardController {

    static final String LEADERSHIP = "hasAnyRole('LEADERSHIP_VIEWER', 'PLAN_COORDINATOR', 'AUDITOR')";
    static final String POLICE = "hasAnyRole('PLAN_COORDINATOR', 'INTELLIGENCE_OFFICER', 'LEADERSHIP_VIEWER', 'AUDITOR')";
    static final String CASEWORK = "hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')";
    static final String STATISTICS = "hasAnyRole('LEADERSHIP_VIEWER', 'PLAN_COORDINATOR', 'AUDITOR', 'CASE_SUPERVISOR')";

    private final Dashboards dashboards;
    private final Statistics statistics;
    private final ReadModel readModel;
    private final vn.childguard.reporting.internal.Labels labels;

    DashboardController(Dashboards dashboards, Statistics statistics, ReadModel readModel,
                        vn.childguard.reporting.internal.Labels labels) {
        this.dashboards = dashboards;
        this.statistics = statistics;
        this.readModel = readModel;
        this.labels = labels;
    }

    @GetMapping("/reporting")
    @PreAuthorize(LEADERSHIP + " or " + POLICE + " or " + CASEWORK + " or " + STATISTICS)
    String index(CurrentUser user, Model model) {
        model.addAttribute("refreshedAt", dashboards.refreshedAt());
        model.addAttribute("zone", ReadModel.VIETNAM_ZONE);
        return "reporting/index";
    }

    @GetMapping("/reporting/leadership")
    @PreAuthorize(LEADERSHIP)
    String leadership(@RequestParam(required = false) String period, CurrentUser user, Locale locale, Model model) {
        Period p = period(period, Period.Kind.QUARTER);
        model.addAllAttributes(dashboards.leadership(user, p, locale));
        common(model, p);
        return "reporting/leadership";
    }

    @GetMapping("/reporting/police")
    @PreAuthorize(POLICE)
    String police(@RequestParam(required = false) String period, CurrentUser user, Locale locale, Model model) {
        Period p = period(period, Period.Kind.YEAR);
        model.addAllAttributes(dashboards.police(user, p, locale));
        common(model, p);
        return "reporting/police";
    }

    @GetMapping("/reporting/casework")
    @PreAuthorize(CASEWORK)
    String casework(CurrentUser user, Locale locale, Model model) {
        model.addAllAttributes(dashboards.casework(user, locale));
        model.addAttribute("refreshedAt", dashboards.refreshedAt());
        model.addAttribute("zone", ReadModel.VIETNAM_ZONE);
        return "reporting/casework";
    }

    @GetMapping("/reporting/statistics")
    @PreAuthorize(STATISTICS)
    Object statistics(@RequestParam(defaultValue = "VICTIMS") Statistics.Population population,
                      @RequestParam(defaultValue = "SEX") Statistics.Dimension groupBy,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String format, Locale locale, Model model) {
        var q = new Statistics.Query(population, Statistics.Measure.CASES, from, to, Map.of(), groupBy);
        var breakdown = dashboards.breakdown(q, "statistics", locale, code -> null);
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder();
            csv.append(CsvText.line(List.of(labels.message("reporting.dimension." + groupBy, locale),
                    labels.message("reporting.report.col.count", locale))));
            breakdown.lines().forEach(l -> csv.append(CsvText.line(List.of(l.label(), l.value()))));
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("thong-ke-" + population + "-" + groupBy + ".csv").build().toString())
                    .body(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("populations", Statistics.Population.values());
        model.addAttribute("dimensions", Statistics.Dimension.values());
        model.addAttribute("population", population);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("refreshedAt", dashboards.refreshedAt());
        model.addAttribute("zone", ReadModel.VIETNAM_ZONE);
        return "reporting/statistics";
    }

    @PostMapping("/reporting/refresh")
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'SYSTEM_ADMIN')")
    String refresh() {
        readModel.refresh();
        return "redirect:/reporting";
    }

    private void common(Model model, Period p) {
        model.addAttribute("period", p);
        model.addAttribute("previousPeriod", Dashboards.previous(p));
        List<Period> choices = new ArrayList<>();
        Period c = Period.containing(p.kind(), dashboards.today());
        for (int i = 0; i < 8; i++) {
            choices.add(c);
            c = Dashboards.previous(c);
        }
        if (!choices.contains(p)) {
            choices.add(p);
        }
        model.addAttribute("periods", choices);
        model.addAttribute("refreshedAt", dashboards.refreshedAt());
        model.addAttribute("zone", ReadModel.VIETNAM_ZONE);
    }

    private Period period(String code, Period.Kind kind) {
        if (code == null || code.isBlank()) {
            return Period.containing(kind, dashboards.today());
        }
        try {
            return Period.parse(code);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period", e);
        }
    }

    static boolean has(CurrentUser user, Role role) {
        return user.has(role);
    }
}
