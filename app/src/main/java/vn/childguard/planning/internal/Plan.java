package vn.childguard.planning.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.childguard.planning.Period;

/**
 * A plan as issued: imported once from its file and not edited afterwards (a changed plan is a new
 * document), so reports always refer to the text that was signed.
 */
@Entity
@Table(name = "plan")
public class Plan {

    /** A document the plan cites, as written, with the correct reference when the citation is wrong. */
    @Embeddable
    public record LegalBasis(@Column(name = "cited_as") String citedAs, String number,
                             @Column(name = "issued_on") LocalDate issuedOn, String issuer, String title, String note) {
    }

    /** A named set of agencies ("all provincial departments"), resolved on the day it is needed. */
    @Embeddable
    public record AgencyGroup(String code, @Column(name = "name_vi") String nameVi,
                              @Column(name = "name_en") String nameEn, String kinds,
                              @Column(name = "parent_code") String parentCode) {
    }

    /** A kind of period the plan reports on, and how many days after its end the report is due. */
    @Embeddable
    public record ScheduleEntry(@Enumerated(EnumType.STRING) @Column(name = "period_kind") Period.Kind periodKind,
                                @Column(name = "due_days") int dueDays) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Column(name = "issuer_code")
    private String issuerCode;
    @Column(name = "issuer_name")
    private String issuerName;
    private String place;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    private String title;
    private String source;
    @Column(name = "imported_at")
    private Instant importedAt;
    @Column(name = "imported_by")
    private String importedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<LegalBasis> legalBases = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "plan_purpose", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> purposes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "plan_agency_group", joinColumns = @JoinColumn(name = "plan_id"))
    private List<AgencyGroup> groups = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "plan_schedule", joinColumns = @JoinColumn(name = "plan_id"))
    private List<ScheduleEntry> schedule = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("position")
    private List<PlanTask> tasks = new ArrayList<>();

    protected Plan() {
    }

    Plan(String code, String issuerCode, String issuerName, String place, LocalDate issuedOn, String title,
         String source, Instant importedAt, String importedBy) {
        this.code = code;
        this.issuerCode = issuerCode;
        this.issuerName = issuerName;
        this.place = place;
        this.issuedOn = issuedOn;
        this.title = title;
        this.source = source;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    void addTask(PlanTask task) {
        task.attach(this, tasks.size() + 1);
        tasks.add(task);
    }

    /** The periods of every scheduled kind from the plan's issue to the day, oldest first. */
    public List<Period> periodsUntil(LocalDate day) {
        List<Period> periods = new ArrayList<>();
        for (ScheduleEntry entry : schedule) {
            periods.addAll(Period.between(entry.periodKind(), issuedOn, day));
        }
        periods.sort(null);
        return periods;
    }

    public Optional<Integer> dueDays(Period.Kind kind) {
        return schedule.stream().filter(s -> s.periodKind() == kind).map(ScheduleEntry::dueDays).findFirst();
    }

    public Optional<AgencyGroup> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getIssuerCode() {
        return issuerCode;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public String getPlace() {
        return place;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getTitle() {
        return title;
    }

    public String getSource() {
        return source;
    }

    public List<LegalBasis> getLegalBases() {
        return legalBases;
    }

    public List<String> getPurposes() {
        return purposes;
    }

    public List<AgencyGroup> getGroups() {
        return groups;
    }

    public List<ScheduleEntry> getSchedule() {
        return schedule;
    }

    public List<PlanTask> getTasks() {
        return tasks;
    }
}
