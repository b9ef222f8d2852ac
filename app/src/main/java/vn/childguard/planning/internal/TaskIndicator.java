package vn.childguard.planning.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Locale;

/** Something a task's progress is counted in (teachers trained, victims supported), with an optional target. */
@Entity
@Table(name = "task_indicator")
public class TaskIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    private PlanTask task;
    private int position;
    private String code;
    @Column(name = "name_vi")
    private String nameVi;
    @Column(name = "name_en")
    private String nameEn;
    private String unit;
    private BigDecimal target;

    protected TaskIndicator() {
    }

    TaskIndicator(String code, String nameVi, String nameEn, String unit, BigDecimal target) {
        this.code = code;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.unit = unit;
        this.target = target;
    }

    void attach(PlanTask task, int position) {
        this.task = task;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getTarget() {
        return target;
    }
}
