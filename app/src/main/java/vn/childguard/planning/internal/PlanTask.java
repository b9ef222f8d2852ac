package vn.childguard.planning.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A task of a plan, with its text exactly as in the document, the agency that leads it and those
 * that coordinate (agency codes or {@code group:CODE}). The assignment keeps the original agency;
 * who reports after a reorganisation is resolved through the organisation's successors.
 */
@Entity
@Table(name = "plan_task")
public class PlanTask {

    /** How often the task is reported on. */
    public enum Kind { CONTINUOUS, ONE_OFF }

    /** Who reports: the lead agency only, or every coordinating agency too. */
    public enum Reporting { LEAD, ALL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    private Plan plan;
    private int position;
    private String code;
    private String section;
    private String text;
    @Column(name = "lead_code")
    private String leadCode;
    private String coordinators;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private Reporting reporting;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<TaskIndicator> indicators = new ArrayList<>();

    protected PlanTask() {
    }

    PlanTask(String code, String section, String text, String leadCode, List<String> coordinators, Kind kind,
             LocalDate dueOn, Reporting reporting) {
        this.code = code;
        this.section = section;
        this.text = text;
        this.leadCode = leadCode;
        this.coordinators = String.join(" ", coordinators);
        this.kind = kind;
        this.dueOn = dueOn;
        this.reporting = reporting;
    }

    void attach(Plan plan, int position) {
        this.plan = plan;
        this.position = position;
    }

    void addIndicator(TaskIndicator indicator) {
        indicator.attach(this, indicators.size() + 1);
        indicators.add(indicator);
    }

    public Long getId() {
        return id;
    }

    public Plan getPlan() {
        return plan;
    }

    public int getPosition() {
        return position;
    }

    public String getCode() {
        return code;
    }

    public String getSection() {
        return section;
    }

    public String getText() {
        return text;
    }

    public String getLeadCode() {
        return leadCode;
    }

    public List<String> getCoordinators() {
        return coordinators.isBlank() ? List.of() : Arrays.asList(coordinators.split(" "));
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Reporting getReporting() {
        return reporting;
    }

    public List<TaskIndicator> getIndicators() {
        return indicators;
    }
}
