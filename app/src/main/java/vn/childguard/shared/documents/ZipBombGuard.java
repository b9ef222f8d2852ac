package vn.childguard.shared.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Measures how far an uploaded workbook really inflates before a parser holds any of it in memory.
 * A few megabytes of zip can hold gigabytes of XML (a zip bomb); the declared sizes in the archive
 * can lie, so the bytes are counted while inflating, and counting stops at the limit.
 */
public final class ZipBombGuard {

    private ZipBombGuard() {
    }

    /** True when all the entries of a zip held in memory inflate to at most {@code maxBytes} together. */
    public static boolean fits(byte[] zip, long maxBytes) throws IOException {
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                total += inflated(in, maxBytes - total);
                if (total > maxBytes) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * True when every entry of a zip file that the reader would hold in memory inflates to at most
     * {@code maxEntryBytes}; entries the reader streams ({@code streamed}) are not inflated here.
     */
    public static boolean fits(Path zip, long maxEntryBytes, Predicate<String> streamed) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (streamed.test(entry.getName())) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    if (inflated(in, maxEntryBytes) > maxEntryBytes) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Bytes read from the stream, stopping as soon as they pass {@code limit}. */
    private static long inflated(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                break;
            }
        }
        return total;
    }
}
