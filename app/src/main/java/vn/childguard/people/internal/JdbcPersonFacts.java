package vn.childguard.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.people.PersonFacts;
import vn.childguard.people.PersonView;

/** Reads the clear-text columns of {@code person} (sex, birth date, nationality, ethnicity) in batches. */
@Component
class JdbcPersonFacts implements PersonFacts {

    private static final int BATCH = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    JdbcPersonFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Demographics> demographics(Map<Long, LocalDate> ageOn) {
        List<Long> ids = new ArrayList<>(ageOn.keySet());
        Map<Long, Demographics> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            // a merged person takes the survivor's values
            jdbc.query("select p.id, coalesce(s.sex, p.sex), coalesce(s.birth_date, p.birth_date), "
                            + "coalesce(s.nationality, p.nationality), coalesce(s.ethnicity, p.ethnicity) "
                            + "from person p left join person s on s.id = p.merged_into where p.id in (:ids)",
                    Map.of("ids", batch), rs -> {
                        long id = rs.getLong(1);
                        String birth = rs.getString(3);
                        Integer year = birth != null && birth.length() >= 4
                                && birth.substring(0, 4).chars().allMatch(Character::isDigit)
                                ? Integer.valueOf(birth.substring(0, 4)) : null;
                        Integer age = age(birth, ageOn.get(id));
                        out.put(id, new Demographics(rs.getString(2), year, age, rs.getString(4), rs.getString(5)));
                    });
        }
        return out;
    }

    private static Integer age(String birth, LocalDate day) {
        try {
            return day == null ? null : PersonView.ageOn(birth, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
