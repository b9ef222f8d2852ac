package vn.childguard.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive values at rest with AES-256-GCM, and gives a keyed hash (HMAC-SHA256) for exact
 * look-ups of encrypted values.
 *
 * <p>Keys form a keyset: {@code CHILDGUARD_DATA_KEYS} lists base64 keys of 32 bytes, the primary
 * (used to encrypt) first, older keys (still read) after it; {@code CHILDGUARD_DATA_KEY} is a keyset
 * of one; without either, a key is generated once into the data directory (the file may list several
 * keys the same way). Every value names the key that sealed it, so keys can be rotated while the
 * application runs ({@link FieldReEncryption} rewrites old values under the primary):
 * text is {@code v2:<key id>:<base64(iv || ciphertext+tag)>}, bytes are {@code "CGK" 2 || key id ||
 * iv || ciphertext+tag}. Values written before key ids ({@code v1:} text, bare {@code iv || …} bytes)
 * are still read: the GCM tag tells which key of the set opens them.
 *
 * <p>The keyed hash must not change with the encryption key (stored hashes would no longer match):
 * its sub-key is {@code CHILDGUARD_LOOKUP_KEY} when set, otherwise derived from the <em>last</em>
 * (oldest) key of the set. Before that key is removed, its derived sub-key is set as
 * {@code CHILDGUARD_LOOKUP_KEY} (docs/operations.md, key rotation).
 */
@Component
public class DataCipher {

    private static final Logger log = LoggerFactory.getLogger(DataCipher.class);
    private static final String LEGACY_PREFIX = "v1:";
    private static final String PREFIX = "v2:";
    private static final byte[] MAGIC = {'C', 'G', 'K', 2};
    private static final int ID_BYTES = 4;
    private static final int IV_BYTES = 12;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String primaryId;
    private final SecretKeySpec primary;
    private final byte[] primaryIdBytes;
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

    @Autowired
    DataCipher(@Value("${CHILDGUARD_DATA_KEYS:}") String configuredKeys,
               @Value("${CHILDGUARD_DATA_KEY:}") String configuredKey,
               @Value("${CHILDGUARD_LOOKUP_KEY:}") String lookupKey,
               @Value("${childguard.data-dir}") String dataDir) {
        this(parse(!configuredKeys.isBlank() ? configuredKeys
                : !configuredKey.isBlank() ? configuredKey : keyFile(Path.of(dataDir, "data-key"))),
                lookupKey.isBlank() ? null : decode(lookupKey));
    }

    private DataCipher(List<byte[]> rawKeys, byte[] lookupKey) {
        if (rawKeys.isEmpty()) {
            throw new IllegalStateException("CHILDGUARD_DATA_KEYS lists no key");
        }
        for (byte[] raw : rawKeys) {
            if (raw.length != 32) {
                throw new IllegalStateException("CHILDGUARD_DATA_KEYS: every key must be 32 bytes, base64-encoded");
            }
            keys.putIfAbsent(keyId(raw), new SecretKeySpec(raw, "AES"));
        }
        this.primaryIdBytes = HexFormat.of().parseHex(keyId(rawKeys.getFirst()));
        this.primaryId = keyId(rawKeys.getFirst());
        this.primary = keys.get(primaryId);
        byte[] hashKeyBytes = lookupKey != null ? lookupKey : lookupKeyOf(rawKeys.getLast());
        if (hashKeyBytes.length != 32) {
            throw new IllegalStateException("CHILDGUARD_LOOKUP_KEY must be 32 bytes, base64-encoded");
        }
        SecretKeySpec hashKey = new SecretKeySpec(hashKeyBytes, "HmacSHA256");
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

    /**
     * A keyset outside Spring (tools and tests): base64 keys, primary first; the lookup key (base64)
     * may be null to derive it from the last key.
     */
    public static DataCipher of(List<String> base64Keys, String lookupKey) {
        return new DataCipher(base64Keys.stream().map(DataCipher::decode).toList(),
                lookupKey == null ? null : decode(lookupKey));
    }

    /** The keyed-hash sub-key derived from a data key (base64), to set as {@code CHILDGUARD_LOOKUP_KEY}. */
    public static String lookupKeyFor(String base64Key) {
        return Base64.getEncoder().encodeToString(lookupKeyOf(decode(base64Key)));
    }

    private static byte[] lookupKeyOf(byte[] raw) {
        // a separate sub-key for hashing, so the two uses of the key never mix
        return hmac(raw, "childguard keyed hash");
    }

    /** A key's public name: the first 4 bytes of a MAC of a fixed text, so the id reveals nothing of the key. */
    static String keyId(byte[] raw) {
        return HexFormat.of().formatHex(Arrays.copyOf(hmac(raw, "childguard key id"), ID_BYTES));
    }

    private static List<byte[]> parse(String keyList) {
        List<byte[]> raw = new ArrayList<>();
        for (String part : keyList.split("[,\\s]+")) {
            if (!part.isBlank()) {
                raw.add(decode(part));
            }
        }
        return raw;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A data key is not valid base64", e);
        }
    }

    private static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            String key = Base64.getEncoder().encodeToString(raw);
            Files.writeString(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            log.warn("Generated a new data encryption key in {}: back it up with the database", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String primaryKeyId() {
        return primaryId;
    }

    /** How many keys can open values (the primary and older ones). */
    public int keyCount() {
        return keys.size();
    }

    public String encrypt(String plain) {
        return plain == null ? null : PREFIX + primaryId + ":" + Base64.getEncoder().encodeToString(
                sealWith(primary, plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(PREFIX) && stored.length() > PREFIX.length() + 2 * ID_BYTES
                && stored.charAt(PREFIX.length() + 2 * ID_BYTES) == ':') {
            String id = stored.substring(PREFIX.length(), PREFIX.length() + 2 * ID_BYTES);
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("Stored value was encrypted with key " + id
                        + ", which is not in the configured keyset");
            }
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length() + 2 * ID_BYTES + 1));
            return new String(openWith(key, sealed, 0), StandardCharsets.UTF_8);
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            return new String(openWithAnyKey(Base64.getDecoder().decode(stored.substring(LEGACY_PREFIX.length())), 0),
                    StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("Unknown ciphertext version");
    }

    /** Encrypts a file's bytes (attachments, photos). */
    public byte[] seal(byte[] plain) {
        byte[] sealed = sealWith(primary, plain);
        byte[] out = new byte[MAGIC.length + ID_BYTES + sealed.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(primaryIdBytes, 0, out, MAGIC.length, ID_BYTES);
        System.arraycopy(sealed, 0, out, MAGIC.length + ID_BYTES, sealed.length);
        return out;
    }

    /** Decrypts what {@link #seal} produced (or its key-less predecessor); fails if a single bit was changed. */
    public byte[] open(byte[] sealed) {
        if (hasHeader(sealed)) {
            SecretKeySpec key = keys.get(HexFormat.of().formatHex(sealed, MAGIC.length, MAGIC.length + ID_BYTES));
            if (key != null) {
                try {
                    return openWith(key, sealed, MAGIC.length + ID_BYTES);
                } catch (IllegalStateException e) {
                    // a key-less value whose random IV happens to start like a header: read below
                }
            }
        }
        return openWithAnyKey(sealed, 0);
    }

    /** Whether a stored text value is already sealed with the primary key (the re-encryption job skips it). */
    public boolean isUnderPrimary(String stored) {
        return stored.startsWith(PREFIX + primaryId + ":");
    }

    /** Whether stored bytes are already sealed with the primary key. */
    public boolean isUnderPrimary(byte[] sealed) {
        return hasHeader(sealed) && Arrays.equals(sealed, MAGIC.length, MAGIC.length + ID_BYTES,
                primaryIdBytes, 0, ID_BYTES);
    }

    /** A keyed hash for exact search on an encrypted value; equal inputs give equal hashes. */
    public String keyedHash(String plain) {
        // doFinal resets the Mac for the next use on this thread
        return HexFormat.of().formatHex(mac.get().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean hasHeader(byte[] sealed) {
        return sealed.length > MAGIC.length + ID_BYTES + IV_BYTES
                && Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private byte[] sealWith(SecretKeySpec key, byte[] plain) {
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

    private byte[] openWith(SecretKeySpec key, byte[] sealed, int offset) {
        try {
            Cipher cipher = aes.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, offset, IV_BYTES));
            return cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored value cannot be decrypted with the configured key", e);
        }
    }

    /** Values from before key ids: the GCM tag only verifies under the key that sealed them. */
    private byte[] openWithAnyKey(byte[] sealed, int offset) {
        IllegalStateException failure = null;
        for (SecretKeySpec key : keys.values()) {
            try {
                return openWith(key, sealed, offset);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("Stored value cannot be decrypted with any key of the keyset", failure);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
