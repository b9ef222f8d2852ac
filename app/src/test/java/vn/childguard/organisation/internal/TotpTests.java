package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 Appendix B, SHA-1 column (8 digits), secret "12345678901234567890". */
    @Test
    void matchesTheRfc6238TestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, 59L / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(key, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(key, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(key, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void base32RoundTripsAndAcceptsOneStepOfClockDrift() {
        String secret = Totp.newSecret();
        assertThat(Totp.base32(Totp.base32Decode(secret))).isEqualTo(secret);
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        String code = Totp.codeAt(secret, now);
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(95))).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
    }

    @Test
    void otpauthUriNamesIssuerAndAccount() {
        assertThat(Totp.otpauthUri("ChildGuard", "police.officer", "ABC"))
                .isEqualTo("otpauth://totp/ChildGuard:police.officer?secret=ABC&issuer=ChildGuard&digits=6&period=30");
    }
}
