package vn.childguard.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;

/**
 * Generated statistical reports kept as issued: generated on demand (with a stated purpose) or by the
 * quarterly schedule, listed, downloaded; every generation and download is audited. The reports hold
 * aggregates only, yet they go outside the system, so the same rules as for any export apply.
 */
@Service
public class ReportArchive {

    public static final String KIND = "STATISTICAL_REPORT";
    static final String ENTITY = "rpt_document";
    private static final String SYSTEM = "system";

    /** A stored report without its content. */
    public record Entry(long id, String kind, String periodCode, String format, String fileName, int sizeBytes,
                        String purpose, String createdBy, Instant createdAt) {
    }

    public record File(String name, String mediaType, byte[] content) {
    }

    private final StatisticalReport report;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ReportArchive(StatisticalReport report, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.report = report;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who may generate reports: the plan's coordinator and leaders. */
    public static boolean mayGenerate(CurrentUser user) {
        return user.has(Role.PLAN_COORDINATOR) || user.has(Role.LEADERSHIP_VIEWER);
    }

    /** Who may list and download them: those, and the auditors. */
    public static boolean mayRead(CurrentUser user) {
        return mayGenerate(user) || user.has(Role.AUDITOR);
    }

    @Transactional
    public long generate(CurrentUser user, Period period, StatisticalReport.Format format, String purpose) {
        if (!mayGenerate(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.EXPORT, ENTITY, null, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("report generation refused");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("purpose is required");
        }
        Instant now = clock.instant();
        byte[] content = report.render(new StatisticalReport.Issuer(user.agencyCode(), user.agencyNameVi(), user.fullName()),
                period, format, StatisticalReport.stamp(user.username(), now));
        long id = store(period, format, content, purpose.strip(), user.username(), now);
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withPurpose(purpose.strip()).withDetails("statistical report " + period.code() + " " + format));
        return id;
    }

    /** On the 5th of January, April, July and October: the quarter just ended, as DOCX, PDF and XLSX. */
    @Scheduled(cron = "${childguard.reporting.quarterly-cron:0 0 6 5 1,4,7,10 *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "reporting-quarterly", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void quarterly() {
        LocalDate today = LocalDate.now(clock.withZone(ReadModel.VIETNAM));
        Period quarter = Period.containing(Period.Kind.QUARTER, today.minusMonths(1).withDayOfMonth(1));
        generateScheduled(quarter);
    }

    @Transactional
    public void generateScheduled(Period period) {
        Instant now = clock.instant();
        for (StatisticalReport.Format format : List.of(StatisticalReport.Format.DOCX, StatisticalReport.Format.PDF,
                StatisticalReport.Format.XLSX)) {
            byte[] content = report.render(new StatisticalReport.Issuer("CA-TINH", "Công an tỉnh", "(chưa ký)"), period,
                    format, StatisticalReport.stamp(SYSTEM, now));
            long id = store(period, format, content, "Báo cáo định kỳ theo lịch", SYSTEM, now);
            audit.record(new AuditEntry(SYSTEM, null, AuditLog.Actions.CREATE, ENTITY, String.valueOf(id),
                    "scheduled report", AuditEntry.Outcome.SUCCESS, null, "statistical report " + period.code()));
        }
    }

    private long store(Period period, StatisticalReport.Format format, byte[] content, String purpose, String by,
                       Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into rpt_document (kind, period_code, format, file_name, media_type, "
                    + "content, size_bytes, purpose, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"id"});
            ps.setString(1, KIND);
            ps.setString(2, period.code());
            ps.setString(3, format.name());
            ps.setString(4, StatisticalReport.fileName(period, format));
            ps.setString(5, format.mediaType);
            ps.setBytes(6, content);
            ps.setInt(7, content.length);
            ps.setString(8, purpose);
            ps.setString(9, by);
            ps.setObject(10, ReadModel.utc(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    @Transactional(readOnly = true)
    public List<Entry> list(CurrentUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("reports refused");
        }
        return jdbc.query("select id, kind, period_code, format, file_name, size_bytes, purpose, created_by, created_at "
                + "from rpt_document order by created_at desc, id desc", (rs, n) -> new Entry(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
    }

    @Transactional
    public Optional<File> download(CurrentUser user, long id) {
        if (!mayRead(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("report refused");
        }
        Optional<File> file = jdbc.query("select file_name, media_type, content from rpt_document where id = ?",
                (rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)), id).stream().findFirst();
        file.ifPresent(f -> audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.SUCCESS)));
        return file;
    }
}
