package vn.childguard.screening.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Sex;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.PersonalData;

/** Travel records and adult–minor pairs, written with JDBC batches (names, dates of birth and documents encrypted). */
@PersonalData(table = "screening_record",
        category = "travellers: name, birth date, document (encrypted), trip",
        purpose = "detecting children at risk at the border",
        legalBasis = "Law 53/2024 (prevention and detection)",
        retention = "SCREENING_RECORD",
        visibleTo = {"SCREENING_OFFICER"})
@PersonalData(table = "screening_pair",
        category = "adult-minor travel pairs (pseudonymous keys)",
        purpose = "pattern rules",
        legalBasis = "Law 53/2024",
        retention = "SCREENING_RECORD",
        visibleTo = {"SCREENING_OFFICER"})
@Component
public class RecordStore {

    /** A stored record with its row id and keys. */
    public record Stored(long id, int seq, String travellerKey, TravelRecord record) {
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;

    RecordStore(JdbcTemplate jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public String travellerKey(TravelRecord r) {
        return cipher.keyedHash(r.travellerKeySource());
    }

    /** The record ids among {@code ids} that are already stored. */
    public Set<String> existing(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        List<String> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> part = list.subList(from, Math.min(list.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("select record_id from screening_record where record_id in (" + in + ")",
                    rs -> {
                        out.add(rs.getString(1));
                    }, part.toArray());
        }
        return out;
    }

    /**
     * Inserts records (none of which exists yet) with their sequence numbers in the batch; returns
     * them as stored (row id 0: callers screen by record id), so that nobody reads them back to decrypt.
     */
    public List<Stored> insert(Long batchId, List<TravelRecord> records, List<Integer> seqs, Instant now) {
        // sealing three fields and hashing the key is most of the CPU here: both cores share it (a few records: not worth a fork)
        var range = java.util.stream.IntStream.range(0, records.size());
        List<Object[]> rows = (records.size() > 16 ? range.parallel() : range).mapToObj(i -> {
            TravelRecord r = records.get(i);
            String key = travellerKey(r);
            return new Object[]{r.recordId(), batchId, seqs.get(i), key, prefix(key), cipher.encrypt(r.fullName()),
                    r.birthDate().isKnown() ? cipher.encrypt(r.birthDate().toString()) : null,
                    r.sex() == Sex.UNKNOWN ? null : r.sex() == Sex.MALE ? "M" : "F",
                    r.documentNumber() == null ? null : cipher.encrypt(r.documentNumber()), r.nationality(),
                    Date.valueOf(r.travelDate()), r.direction(), r.borderGate(), r.destinationCountry(),
                    r.transitCountries().isEmpty() ? null : String.join(";", r.transitCountries()), r.bookingRef(),
                    r.travelPurpose(), r.visaType(),
                    r.companionRecordIds().isEmpty() ? null : String.join(";", r.companionRecordIds()),
                    r.ageOnTravel(), Timestamp.from(now)};
        }).toList();
        if (batchId != null && rows.size() > 16 && postgres()) {
            copy(rows);
        } else {
            int[] types = {Types.VARCHAR, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP};
            jdbc.batchUpdate("insert into screening_record (" + INSERT_COLUMNS + ") "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, types);
        }
        List<Stored> stored = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            stored.add(new Stored(0, seqs.get(i), (String) rows.get(i)[3], records.get(i)));
        }
        return stored;
    }

    private static final String INSERT_COLUMNS = "record_id, batch_id, seq, traveller_key, traveller_prefix, full_name, birth_date, "
            + "sex, document_number, nationality, travel_date, direction, border_gate, destination_country, transit_countries, "
            + "booking_ref, travel_purpose, visa_type, companion_record_ids, age_on_travel, created_at";

    private volatile Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c ->
                    c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    /**
     * A chunk of a batch through PostgreSQL's COPY (text format) on the transaction's connection:
     * about half the server time of multi-row inserts, and all or nothing like them.
     */
    private void copy(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 400);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                Object v = row[c];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof Timestamp t) {
                    text.append(t.toInstant());
                } else {
                    escape(text, v.toString());
                }
            }
            text.append('\n');
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                        "copy screening_record (" + INSERT_COLUMNS + ") from stdin", new java.io.StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("copy of screening records failed", e);
            }
        });
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static final String COLUMNS = "id, seq, traveller_key, record_id, full_name, birth_date, sex, document_number, "
            + "nationality, travel_date, direction, border_gate, destination_country, transit_countries, booking_ref, "
            + "travel_purpose, visa_type, companion_record_ids";

    private Stored map(ResultSet rs) throws SQLException {
        String birth = rs.getString(6);
        String sex = rs.getString(7);
        String doc = rs.getString(8);
        String transit = rs.getString(14);
        String companions = rs.getString(18);
        TravelRecord r = new TravelRecord(rs.getString(4), cipher.decrypt(rs.getString(5)),
                birth == null ? BirthDate.UNKNOWN : BirthDate.parse(cipher.decrypt(birth)),
                sex == null ? Sex.UNKNOWN : Sex.parse(sex), doc == null ? null : cipher.decrypt(doc), rs.getString(9),
                rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12), rs.getString(13),
                transit == null ? List.of() : Arrays.asList(transit.split(";")), rs.getString(15), rs.getString(16),
                rs.getString(17), companions == null ? List.of() : Arrays.asList(companions.split(";")));
        return new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), r);
    }

    /** The records of a batch with {@code afterSeq < seq <= upToSeq}, in order. */
    public List<Stored> chunk(long batchId, int afterSeq, int upToSeq) {
        return jdbc.query("select " + COLUMNS + " from screening_record where batch_id = ? and seq > ? and seq <= ? order by seq",
                (rs, n) -> map(rs), batchId, afterSeq, upToSeq);
    }

    public List<Stored> byRecordIds(Collection<String> ids) {
        List<Stored> out = new ArrayList<>();
        List<String> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> part = list.subList(from, Math.min(list.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            out.addAll(jdbc.query("select " + COLUMNS + " from screening_record where record_id in (" + in + ")",
                    (rs, n) -> map(rs), part.toArray()));
        }
        return out;
    }

    /**
     * Every stored record sharing a booking reference with the given ones, except the batch's rows
     * {@code afterSeq < seq <= upToSeq} (the chunk being screened, already in hand: not read and
     * decrypted twice); {@code batchId} null excludes nothing.
     */
    public List<Stored> bookingMates(Collection<String> bookingRefs, Long batchId, int afterSeq, int upToSeq) {
        List<Stored> out = new ArrayList<>();
        List<String> list = new ArrayList<>(bookingRefs);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> part = list.subList(from, Math.min(list.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            List<Object> args = new ArrayList<>(part);
            String sql = "select " + COLUMNS + " from screening_record where booking_ref in (" + in + ")";
            if (batchId != null) {
                sql += " and (batch_id is null or batch_id <> ? or seq <= ? or seq > ?)";
                args.add(batchId);
                args.add(afterSeq);
                args.add(upToSeq);
            }
            out.addAll(jdbc.query(sql, (rs, n) -> map(rs), args.toArray()));
        }
        return out;
    }

    public List<Stored> trips(String travellerKey) {
        return jdbc.query("select " + COLUMNS + " from screening_record where traveller_prefix = ? and traveller_key = ? "
                + "order by travel_date desc, id desc", (rs, n) -> map(rs), prefix(travellerKey), travellerKey);
    }

    /** What the traveller index holds (V103): a short index keeps up with a million random inserts. */
    static String prefix(String travellerKey) {
        return travellerKey.substring(0, Math.min(12, travellerKey.length()));
    }

    /** Records an adult travelling with a minor (once per pair and day). */
    public void pairs(List<String[]> adultMinorRecord, List<LocalDate> dates) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < adultMinorRecord.size(); i++) {
            String[] p = adultMinorRecord.get(i);
            Date d = Date.valueOf(dates.get(i));
            rows.add(new Object[]{p[0], p[1], d, p[2], p[0], p[1], d});
        }
        jdbc.batchUpdate("insert into screening_pair (adult_key, minor_key, travel_date, record_id) select cast(? as varchar(100)), cast(? as varchar(100)), cast(? as date), cast(? as varchar(100)) "
                + "where not exists (select 1 from screening_pair where adult_key = ? and minor_key = ? and travel_date = ?)", rows);
    }

    /** Distinct minors the adult travelled with within {@code days} either side of the day. */
    public int distinctMinors(String adultKey, LocalDate day, int days) {
        Integer n = jdbc.queryForObject("select count(distinct minor_key) from screening_pair where adult_key = ? "
                + "and travel_date between ? and ?", Integer.class, adultKey, Date.valueOf(day.minusDays(days)),
                Date.valueOf(day.plusDays(days)));
        return n == null ? 0 : n;
    }
}
