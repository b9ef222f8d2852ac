package vn.childguard.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive values at rest with AES-256-GCM, and gives a keyed hash (HMAC-SHA256) for exact
 * look-ups of encrypted values. The key comes from {@code CHILDGUARD_DATA_KEY} (base64, 32 bytes);
 * without it, one is generated once into the data directory, which is backed up with the database.
 * Ciphertext is {@code v1:<base64(iv || ciphertext+tag)>} so a later key version can be told apart.
 */
@Component
public class DataCipher {

    private static final Logger log = LoggerFactory.getLogger(DataCipher.class);
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    /** {@code Cipher.getInstance} and {@code Mac.getInstance} cost more than sealing a name: one per thread, re-initialised per use. */
    private final ThreadLocal<Cipher> aes = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });
    private final ThreadLocal<Mac> mac;

    DataCipher(@Value("${CHILDGUARD_DATA_KEY:}") String configuredKey,
               @Value("${childguard.data-dir}") String dataDir) {
        byte[] raw = configuredKey.isBlank() ? keyFromFile(Path.of(dataDir, "data-key")) : Base64.getDecoder()
                .decode(configuredKey.strip());
        if (raw.length != 32) {
            throw new IllegalStateException("CHILDGUARD_DATA_KEY must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(raw, "AES");
        // a separate sub-key for hashing, so the two uses of the key never mix
        this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), "childguard keyed hash"),
                "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(hashKey);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            log.warn("Generated a new data encryption key in {}: back it up with the database", file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String encrypt(String plain) {
        return plain == null ? null : PREFIX + Base64.getEncoder().encodeToString(
                seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** Encrypts a file's bytes (attachments): the IV followed by ciphertext and tag. */
    public byte[] seal(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = aes.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts what {@link #seal} produced; fails if a single bit was changed. */
    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = aes.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored value cannot be decrypted with the configured key", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Unknown ciphertext version");
        }
        return new String(open(Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
    }

    /** A keyed hash for exact search on an encrypted value; equal inputs give equal hashes. */
    public String keyedHash(String plain) {
        // doFinal resets the Mac for the next use on this thread
        return java.util.HexFormat.of().formatHex(mac.get().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
