package vn.childguard.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip bombs made from real workbooks, for the upload tests: a small file that inflates enormously. */
public final class ZipBombs {

    private ZipBombs() {
    }

    /**
     * The workbook with {@code padding} bytes of XML whitespace inserted after the root element's
     * opening tag of {@code entry}: still a valid workbook, but it inflates to that many bytes.
     */
    public static byte[] padded(byte[] workbook, String entry, long padding) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(workbook)); var zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int root = xml.indexOf('>', xml.indexOf('<', xml.indexOf("?>") + 2)) + 1;
                    zip.write(xml.substring(0, root).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (long left = padding; left > 0; left -= spaces.length) {
                        zip.write(spaces, 0, (int) Math.min(spaces.length, left));
                    }
                    zip.write(xml.substring(root).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
