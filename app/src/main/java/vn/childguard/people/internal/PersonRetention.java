package vn.childguard.people.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.retention.RetainedPeople;

/**
 * Anonymises a register entry once the retention job finds no kept record naming the person: name,
 * address, contacts, photo, documents and relationships go; the birth date is cut to its month; sex,
 * nationality, ethnicity and commune stay for statistics. The version bump makes every node rebuild
 * its matching index, so the entry no longer matches anyone by name.
 */
@Component
class PersonRetention implements RetainedPeople {

    private final JdbcClient jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    PersonRetention(JdbcClient jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean anonymise(long personId) {
        var birth = jdbc.sql("select birth_date from person where id = :id and anonymised_at is null")
                .param("id", personId).query((rs, n) -> rs.getString(1)).list();
        int updated = jdbc.sql("update person set full_name = :empty, address_text = null, contacts = null, photo = null, "
                        + "photo_content_type = null, birth_date = :birth, anonymised_at = :now, updated_at = :now, "
                        + "version = version + 1 where id = :id and anonymised_at is null")
                .param("empty", cipher.encrypt("")).param("birth", birth.isEmpty() ? null : monthOnly(birth.getFirst()))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("id", personId).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from person_document where person_id = :id").param("id", personId).update();
        jdbc.sql("delete from person_relationship where person_id = :id or other_person_id = :id")
                .param("id", personId).update();
        return true;
    }

    /** {@code 2012-03-17} → {@code 2012-03-01}; a year alone stays as it is. */
    static String monthOnly(String birth) {
        return birth == null || birth.length() < 7 ? birth : birth.substring(0, 7) + "-01";
    }
}
