package vn.childguard.intake.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human references of reports, {@code TN-<year>-<six digits>}, numbered from 1 each year. The
 * counter row of the year is locked by its update, so concurrent receptions on several nodes never
 * share a number.
 */
@Component
class IntakeReferences {

    static final String PREFIX = "TN";
    private static final Pattern FORMAT = Pattern.compile("TN-(\\d{4})-(\\d{6,})");

    private final JdbcTemplate jdbc;

    IntakeReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next reference of the year; joins the caller's transaction so a rolled-back report frees nothing it used. */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        int updated = jdbc.update("update intake_reference_counter set last_number = last_number + 1 where ref_year = ?",
                year);
        if (updated == 0) {
            try {
                jdbc.update("insert into intake_reference_counter (ref_year, last_number) values (?, 1)", year);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another node started the year at the same moment: count on its row
                jdbc.update("update intake_reference_counter set last_number = last_number + 1 where ref_year = ?",
                        year);
            }
        }
        List<Integer> number = jdbc.queryForList("select last_number from intake_reference_counter where ref_year = ?",
                Integer.class, year);
        return format(year, number.getFirst());
    }

    static String format(int year, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("reference numbers start at 1");
        }
        return String.format("%s-%04d-%06d", PREFIX, year, number);
    }

    static boolean isReference(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
