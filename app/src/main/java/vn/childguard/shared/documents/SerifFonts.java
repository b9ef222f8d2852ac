package vn.childguard.shared.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * Liberation Serif, metric-compatible with Times New Roman, from the {@code openpdf-fonts-extra} jar
 * (SIL Open Font License 1.1, licence text at {@code liberation/LICENSE} in that jar).
 *
 * <p>The 14 standard PDF fonts have a Latin-1 encoding and silently drop "ạ", "ế", "Đ"...; an embedded
 * TrueType font in Identity-H has a glyph for every precomposed Vietnamese letter. Because the
 * metrics equal Times New Roman's, the same widths also size the rules of the DOCX header.
 */
final class SerifFonts {

    private static final String DIRECTORY = "liberation/";
    private static final String REGULAR = "LiberationSerif-Regular.ttf";
    private static final String BOLD = "LiberationSerif-Bold.ttf";
    private static final String ITALIC = "LiberationSerif-Italic.ttf";
    private static final String BOLD_ITALIC = "LiberationSerif-BoldItalic.ttf";

    /** The font files, read once; each PDF gets its own BaseFont instances from these bytes. */
    private static final class Files {
        static final byte[] REGULAR_BYTES = read(REGULAR);
        static final byte[] BOLD_BYTES = read(BOLD);
        static final byte[] ITALIC_BYTES = read(ITALIC);
        static final byte[] BOLD_ITALIC_BYTES = read(BOLD_ITALIC);
    }

    /** Used only to measure text; widths are read-only after the font is parsed. */
    private static final class Metrics {
        static final SerifFonts INSTANCE = new SerifFonts();
    }

    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont italic;
    private final BaseFont boldItalic;

    /**
     * Fresh instances per document: a BaseFont collects the glyphs a writer used for subsetting,
     * so sharing one between concurrent renders is not something to rely on.
     */
    SerifFonts() {
        regular = create(REGULAR, Files.REGULAR_BYTES);
        bold = create(BOLD, Files.BOLD_BYTES);
        italic = create(ITALIC, Files.ITALIC_BYTES);
        boldItalic = create(BOLD_ITALIC, Files.BOLD_ITALIC_BYTES);
    }

    Font font(float size, boolean isBold, boolean isItalic) {
        return new Font(base(isBold, isItalic), size);
    }

    BaseFont base(boolean isBold, boolean isItalic) {
        if (isBold) {
            return isItalic ? boldItalic : bold;
        }
        return isItalic ? italic : regular;
    }

    /** Width in points of a line of text, the same in Word with Times New Roman. */
    static float width(String text, float size, boolean isBold) {
        return Metrics.INSTANCE.base(isBold, false).getWidthPoint(text, size);
    }

    private static BaseFont create(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse font " + name, e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = SerifFonts.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + DIRECTORY + name + " is missing: add com.github.librepdf:openpdf-fonts-extra");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + name, e);
        }
    }
}
