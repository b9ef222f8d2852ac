package vn.childguard.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;

@ChildGuardIntegrationTest
class KeyCheckRunnerIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataCipher cipher;

    @Test
    void exitsWithZeroWhenEveryValueOpensAndOneWhenAValueNeedsAnotherKey() {
        List<Integer> exits = new ArrayList<>();
        KeyCheckRunner runner = new KeyCheckRunner(jdbc, cipher, exits::add);
        runner.run(new DefaultApplicationArguments());
        assertThat(exits).isEmpty();
        runner.run(new DefaultApplicationArguments("--verify-keys"));
        assertThat(exits).containsExactly(0);

        Instant now = Instant.now();
        jdbc.update("insert into person (full_name, registered_by, registering_agency, created_at, updated_at)"
                        + " values (?,?,?,?,?)", DataCipher.of(List.of(DataCipherTests.newKey()), null).encrypt("Ai đó"),
                "key.check.test", "TEST", Timestamp.from(now), Timestamp.from(now));
        try {
            assertThat(runner.exitCode(new DefaultApplicationArguments("--verify-keys"))).hasValue(1);
        } finally {
            jdbc.update("delete from person where registered_by = 'key.check.test'");
        }
        assertThat(runner.exitCode(new DefaultApplicationArguments("--verify-keys"))).hasValue(0);
    }
}
