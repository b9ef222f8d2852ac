package vn.childguard.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;

/**
 * Key rotation on the running application's database: every encrypted value (the demo data's and a
 * person written here in both formats) stays readable when key B becomes primary, the job moves all of
 * them to B, and B alone then opens everything. The test rotates back to the application's key at the end.
 */
@ChildGuardIntegrationTest
class KeyRotationIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldReEncryption job;
    @Autowired
    DataCipher appCipher;
    @Value("${childguard.data-dir}")
    String dataDir;

    @Test
    void valuesUnderKeyAAreMovedToKeyBWhileReadableThroughout() throws Exception {
        String a = System.getenv("CHILDGUARD_DATA_KEY") != null ? System.getenv("CHILDGUARD_DATA_KEY")
                : Files.readString(Path.of(dataDir, "data-key")).strip();
        String b = DataCipherTests.newKey();
        DataCipher onlyA = DataCipher.of(List.of(a), null);
        assertThat(onlyA.primaryKeyId()).isEqualTo(appCipher.primaryKeyId());

        Instant now = Instant.now();
        String legacyName = "v1:" + Base64.getEncoder().encodeToString(
                DataCipherTests.legacySeal(a, "Lê Thị Xoay Vòng".getBytes(StandardCharsets.UTF_8)));
        jdbc.update("insert into person (full_name, address_text, photo, photo_content_type, registered_by,"
                        + " registering_agency, created_at, updated_at) values (?,?,?,?,?,?,?,?)", legacyName,
                onlyA.encrypt("Ấp Rotation, Tây Ninh"), DataCipherTests.legacySeal(a, new byte[]{(byte) 0x89, 'P', 'N', 'G'}),
                "image/png", "key.rotation.test", "TEST", Timestamp.from(now), Timestamp.from(now));
        long personId = jdbc.queryForObject("select id from person where full_name = ?", Long.class, legacyName);
        jdbc.update("insert into person_document (person_id, kind, number, number_hash) values (?,?,?,?)", personId,
                "CCCD", onlyA.encrypt("079300000123"), onlyA.keyedHash("079300000123"));
        try {
            Map<String, List<String>> before = readAll(onlyA);
            assertThat(before.get("person.full_name")).contains("Lê Thị Xoay Vòng");
            assertThat(before.get("person.photo")).contains(Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G'}));
            long values = before.values().stream().mapToLong(List::size).sum();

            // B becomes primary: nothing changed yet, everything still reads
            DataCipher bThenA = DataCipher.of(List.of(b, a), null);
            assertThat(readAll(bThenA)).isEqualTo(before);

            FieldReEncryption.Result first = job.run(bThenA);
            assertThat(first.unreadable()).isZero();
            assertThat(first.rewritten()).isEqualTo(values);
            assertThat(first.rewrittenByColumn()).containsKeys("person.full_name", "person.photo", "person_document.number");
            assertThat(job.run(bThenA).rewritten()).as("a second run finds nothing left").isZero();

            // A removed: B alone (with A's lookup key kept) opens everything, and document hashes still match
            DataCipher onlyB = DataCipher.of(List.of(b), DataCipher.lookupKeyFor(a));
            assertThat(readAll(onlyB)).isEqualTo(before);
            assertThat(jdbc.queryForObject("select number_hash from person_document where person_id = ?", String.class,
                    personId)).isEqualTo(onlyB.keyedHash("079300000123"));
            String name = jdbc.queryForObject("select full_name from person where id = ?", String.class, personId);
            assertThat(name).startsWith("v2:" + onlyB.primaryKeyId() + ":");
            assertThatThrownBy(() -> onlyA.decrypt(name)).isInstanceOf(IllegalStateException.class);
        } finally {
            FieldReEncryption.Result back = job.run(DataCipher.of(List.of(a, b), null));
            assertThat(back.unreadable()).isZero();
            jdbc.update("delete from person_document where person_id = ?", personId);
            jdbc.update("delete from person where id = ?", personId);
        }
        assertThat(appCipher.decrypt(jdbc.queryForObject("select min(full_name) from person", String.class)))
                .as("the application reads its data again").isNotBlank();
    }

    /** Every encrypted value of the database in clear, by column (sorted, as the rows' order does not matter). */
    private Map<String, List<String>> readAll(DataCipher cipher) {
        Map<String, List<String>> all = new TreeMap<>();
        for (List<String> column : job.textColumns()) {
            List<String> values = new ArrayList<>(jdbc.queryForList("select \"" + column.get(1) + "\" from \""
                    + column.get(0) + "\" where \"" + column.get(1) + "\" like 'v_:%'", String.class)
                    .stream().map(cipher::decrypt).toList());
            values.sort(null);
            all.put(column.get(0) + "." + column.get(1), values);
        }
        for (List<String> column : FieldReEncryption.SEALED_BYTES) {
            List<String> values = new ArrayList<>(jdbc.query("select \"" + column.get(1) + "\" from \""
                            + column.get(0) + "\" where \"" + column.get(1) + "\" is not null",
                    (rs, i) -> Base64.getEncoder().encodeToString(cipher.open(rs.getBytes(1)))));
            values.sort(null);
            if (!values.isEmpty()) {
                all.put(column.get(0) + "." + column.get(1), values);
            }
        }
        return all;
    }
}
