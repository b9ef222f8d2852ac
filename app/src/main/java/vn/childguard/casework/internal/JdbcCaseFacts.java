package vn.childguard.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.casework.CaseFacts;
import vn.childguard.casework.CaseStatus;
import vn.childguard.casework.DeadlineKind;

/** The facts straight from the tables: codes and dates only, nothing decrypted, so nothing to audit. */
@Component
class JdbcCaseFacts implements CaseFacts {

    private final JdbcClient jdbc;

    JdbcCaseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseFact> cases() {
        return jdbc.sql("select c.id, c.child_person_id, c.owning_agency_code, c.unit_code, c.status, c.serious_risk, "
                        + "c.received_at, c.opened_at, c.closed_at, "
                        + "(select min(t.username) from case_team_member t where t.case_id = c.id and t.lead "
                        + "and t.removed_at is null) lead_username, "
                        + "(select min(f.created_at) from case_form f where f.case_id = c.id and f.form_code = 'F02') f02, "
                        + "(select min(f.created_at) from case_form f where f.case_id = c.id and f.form_code = 'F04') f04, "
                        + "(select min(f.created_at) from case_form f where f.case_id = c.id and f.form_code = 'F05') f05 "
                        + "from cp_case c order by c.id")
                .query((rs, n) -> new CaseFact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        CaseStatus.valueOf(rs.getString(5)), rs.getBoolean(6), instant(rs, 7), instant(rs, 8),
                        instant(rs, 9), rs.getString(10), instant(rs, 11), instant(rs, 12), instant(rs, 13)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenDeadline> openDeadlines() {
        return jdbc.sql("select d.case_id, c.owning_agency_code, d.kind, d.due_at from case_deadline d "
                        + "join cp_case c on c.id = d.case_id where d.met_at is null and d.waived_at is null")
                .query((rs, n) -> new OpenDeadline(rs.getLong(1), rs.getString(2), DeadlineKind.valueOf(rs.getString(3)),
                        instant(rs, 4)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReferralFact> referrals() {
        return jdbc.sql("select id, case_id, from_agency_code, to_agency_code, status, sent_at, responded_at from referral")
                .query((rs, n) -> new ReferralFact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)))
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
