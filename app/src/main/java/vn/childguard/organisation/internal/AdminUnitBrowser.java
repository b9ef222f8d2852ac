package vn.childguard.organisation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.shared.VietnameseText;

/**
 * Read-only browsing of administrative units, with their parents and successors. Units change only
 * when the reference files are reloaded, so there is nothing to edit here.
 */
@Service
public class AdminUnitBrowser {

    /** A unit with its parent (null for a province) and the units that took it over. */
    public record UnitRow(AdminUnit unit, AdminUnit parent, List<AdminUnit> successors) {
    }

    private static final Map<String, Comparator<AdminUnit>> SORTABLE = Map.of(
            "code", Comparator.comparing(AdminUnit::getCode),
            "name", InMemoryPages.byText(AdminUnit::getName),
            "level", Comparator.comparing(AdminUnit::getLevel),
            "validFrom", Comparator.comparing(AdminUnit::getValidFrom));

    private final AdminUnitRepository units;
    private final JdbcTemplate jdbc;

    AdminUnitBrowser(AdminUnitRepository units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Units whose code starts with {@code query} or whose name contains its words, ignoring diacritics. */
    @Transactional(readOnly = true)
    public Page<UnitRow> search(String query, String level, String parentCode, Pageable pageable) {
        List<AdminUnit> all = units.findAll();
        Map<String, AdminUnit> byCode = new HashMap<>();
        all.forEach(u -> byCode.put(u.getCode(), u));
        String q = query == null ? "" : query.strip();
        List<AdminUnit> found = all.stream()
                .filter(u -> level == null || level.isBlank() || level.equals(u.getLevel()))
                .filter(u -> parentCode == null || parentCode.isBlank() || parentCode.equals(u.getParentCode()))
                .filter(u -> q.isEmpty() || u.getCode().startsWith(q)
                        || VietnameseText.matches(u.getFullName() + " " + u.getName(), q))
                .toList();
        Page<AdminUnit> page = InMemoryPages.page(found, pageable, SORTABLE, Sort.by("code"));
        Map<String, List<String>> successors = successors();
        return page.map(u -> new UnitRow(u, u.getParentCode() == null ? null : byCode.get(u.getParentCode()),
                successors.getOrDefault(u.getCode(), List.of()).stream().map(byCode::get)
                        .filter(java.util.Objects::nonNull).toList()));
    }

    @Transactional(readOnly = true)
    public List<String> levels() {
        return units.findAll().stream().map(AdminUnit::getLevel).distinct().sorted().toList();
    }

    /** Units without a parent (provinces and centrally run cities, current and historical). */
    @Transactional(readOnly = true)
    public List<AdminUnit> provinces() {
        return units.findAll().stream().filter(u -> u.getParentCode() == null)
                .sorted(InMemoryPages.byText(AdminUnit::getName)).toList();
    }

    private Map<String, List<String>> successors() {
        Map<String, List<String>> map = new HashMap<>();
        jdbc.query("select from_code, to_code from admin_unit_successor order by from_code, to_code",
                rs -> {
                    map.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return map;
    }
}
