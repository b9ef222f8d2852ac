package vn.childguard.planning.internal;

import java.util.EnumSet;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/** Demo accounts as the planning service sees them, read from the database. */
final class RemindersTestSupport {

    private RemindersTestSupport() {
    }

    static CurrentUser user(JdbcTemplate jdbc, String username) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.queryForList("select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ?",
                String.class, username).forEach(r -> roles.add(Role.valueOf(r)));
        return jdbc.queryForObject("""
                select u.id, u.full_name, a.id as agency_id, a.code, a.name_vi, a.name_en, u.jurisdiction_code, a.area_code
                from app_user u join agency a on a.id = u.agency_id where u.username = ?""",
                (rs, i) -> new CurrentUser(rs.getLong("id"), username, rs.getString("full_name"), rs.getLong("agency_id"),
                        rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getString("jurisdiction_code") != null ? rs.getString("jurisdiction_code") : rs.getString("area_code"),
                        roles), username);
    }

    static Plan plan113(PlanningService planning) {
        return planning.plans().stream().filter(p -> p.getCode().equals("113/KH-UBND")).findFirst().orElseThrow();
    }

    static PlanTask task(Plan plan, String code) {
        return plan.getTasks().stream().filter(t -> t.getCode().equals(code)).findFirst().orElseThrow();
    }
}
