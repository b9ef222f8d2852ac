package vn.childguard.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataCipherTests {

    static final String A = newKey();
    static final String B = newKey();

    @Test
    void valuesNameTheirKeyAndOlderKeysStillOpenThem() {
        DataCipher a = DataCipher.of(List.of(A), null);
        DataCipher ba = DataCipher.of(List.of(B, A), null);
        String underA = a.encrypt("Nguyễn Thị Hoa");
        byte[] bytesUnderA = a.seal(new byte[]{1, 2, 3});

        assertThat(underA).startsWith("v2:" + a.primaryKeyId() + ":").doesNotContain("Hoa");
        assertThat(ba.primaryKeyId()).isNotEqualTo(a.primaryKeyId());
        assertThat(ba.decrypt(underA)).isEqualTo("Nguyễn Thị Hoa");
        assertThat(ba.open(bytesUnderA)).containsExactly(1, 2, 3);
        assertThat(ba.isUnderPrimary(underA)).isFalse();
        assertThat(ba.isUnderPrimary(ba.encrypt("x"))).isTrue();
        assertThat(ba.isUnderPrimary(bytesUnderA)).isFalse();
        assertThat(ba.isUnderPrimary(ba.seal(new byte[]{1}))).isTrue();

        DataCipher b = DataCipher.of(List.of(B), null);
        assertThatThrownBy(() -> b.decrypt(underA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(a.primaryKeyId());
        assertThatThrownBy(() -> b.open(bytesUnderA)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesFromBeforeKeyIdsAreReadWithWhicheverKeyOpensThem() throws Exception {
        String legacyText = "v1:" + Base64.getEncoder().encodeToString(legacySeal(A, "Trần Văn Nam".getBytes(StandardCharsets.UTF_8)));
        byte[] legacyBytes = legacySeal(A, new byte[]{9, 8, 7});
        DataCipher ba = DataCipher.of(List.of(B, A), null);

        assertThat(ba.decrypt(legacyText)).isEqualTo("Trần Văn Nam");
        assertThat(ba.open(legacyBytes)).containsExactly(9, 8, 7);
        assertThat(ba.isUnderPrimary(legacyText)).isFalse();
        assertThat(ba.isUnderPrimary(legacyBytes)).isFalse();
        assertThatThrownBy(() -> DataCipher.of(List.of(B), null).decrypt(legacyText))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("any key");
    }

    @Test
    void theKeyedHashOutlivesItsKeyThroughTheLookupKey() {
        String hash = DataCipher.of(List.of(A), null).keyedHash("012345678901");
        assertThat(DataCipher.of(List.of(B, A), null).keyedHash("012345678901")).isEqualTo(hash);
        assertThat(DataCipher.of(List.of(B), DataCipher.lookupKeyFor(A)).keyedHash("012345678901")).isEqualTo(hash);
        assertThat(DataCipher.of(List.of(B), null).keyedHash("012345678901")).isNotEqualTo(hash);
    }

    @Test
    void theLookupKeyIsTheOneTheDocumentedOpensslCommandPrints() {
        // docs/operations.md §3b: HMAC-SHA256 of "childguard keyed hash" under the old key, base64
        assertThat(DataCipher.lookupKeyFor("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
                .isEqualTo("8Y3fcyyevSxKXfeUsuZpEuopIgTlaySYHP+328ivNIA=");
    }

    @Test
    void aChangedBitIsRefused() {
        DataCipher a = DataCipher.of(List.of(A), null);
        byte[] sealed = a.seal(new byte[]{1, 2, 3});
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> a.open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DataCipher.of(List.of("c2hvcnQ="), null))
                .hasMessageContaining("32 bytes");
    }

    /** The format written before key ids: iv || ciphertext+tag. */
    static byte[] legacySeal(String key, byte[] plain) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(plain);
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(iv, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return out;
    }

    static String newKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
