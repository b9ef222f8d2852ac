package vn.childguard.shared.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.childguard.shared.VietnameseText;

/**
 * An administrative document in the Decree 30/2020 layout (Annex I), ready for {@link DocumentRenderer}.
 *
 * <p>All text is stored in NFC: the embedded PDF font has glyphs for precomposed Vietnamese letters
 * only, and Word would otherwise compare "Tây" typed on a phone and "Tây" from a database as different.
 * Components are validated here, so a renderer never meets a half-filled document.
 *
 * @param issuer      the issuing body and, optionally, the body it belongs to
 * @param number      the issuer's running number for the year, from 1
 * @param codeSymbol  type abbreviation and issuer abbreviation, e.g. "BC-CAT"
 * @param place       the place name of the date line, e.g. "Tây Ninh"
 * @param date        the signing date
 * @param typeName    the document type in upper case, e.g. "BÁO CÁO"
 * @param summary     the summary (trích yếu) lines under the type name, may be empty
 * @param sections    the body parts, numbered I., II., ... in order
 * @param annex       an annex table on its own page, or {@code null}
 * @param signature   the signature block
 * @param recipients  "Nơi nhận" entries without the leading dash; the last one is "Lưu: VT, ..."
 */
public record OfficialDocument(
        Issuer issuer,
        int number,
        String codeSymbol,
        String place,
        LocalDate date,
        String typeName,
        List<String> summary,
        List<Section> sections,
        Annex annex,
        Signature signature,
        List<String> recipients) {

    /** Prefixes of the signing authority line (Annex I, section II.8.a). */
    static final List<String> AUTHORITY_PREFIXES = List.of("TM.", "KT.", "Q.", "TL.", "TUQ.");

    public OfficialDocument {
        Objects.requireNonNull(issuer, "issuer");
        if (number < 1) {
            throw new IllegalArgumentException("document number must be positive: " + number);
        }
        codeSymbol = text(codeSymbol, "codeSymbol");
        if (codeSymbol.chars().anyMatch(Character::isWhitespace) || codeSymbol.contains("/")) {
            throw new IllegalArgumentException("code symbol has no spaces or slashes: " + codeSymbol);
        }
        place = text(place, "place");
        Objects.requireNonNull(date, "date");
        typeName = text(typeName, "typeName");
        summary = lines(summary, "summary");
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one section");
        }
        Objects.requireNonNull(signature, "signature");
        recipients = lines(recipients, "recipients").stream().map(OfficialDocument::bareRecipient).toList();
        if (recipients.isEmpty() || !recipients.getLast().startsWith("Lưu:")) {
            throw new IllegalArgumentException("the last recipient is the archive line \"Lưu: VT, ...\"");
        }
    }

    /** "Số: 05/BC-CAT". */
    public String numberLine() {
        return DecreeText.numberLine(number, codeSymbol);
    }

    /** "Tây Ninh, ngày 05 tháng 02 năm 2026". */
    public String placeAndDate() {
        return DecreeText.placeAndDate(place, date);
    }

    /** The line under an annex title: "(Kèm theo Báo cáo số 05/BC-CAT ngày 05 tháng 02 năm 2026)". */
    String annexReference() {
        return "(Kèm theo " + DecreeText.sentenceCase(typeName) + " số " + DecreeText.twoDigits(number) + "/"
                + codeSymbol + " " + DecreeText.date(date) + ")";
    }

    /**
     * The issuing body (cơ quan ban hành).
     *
     * @param parent the governing body, e.g. "UBND TỈNH TÂY NINH", or {@code null}
     * @param name   the issuing body itself, e.g. "CÔNG AN TỈNH"
     */
    public record Issuer(String parent, String name) {
        public Issuer {
            parent = parent == null || parent.isBlank() ? null : upper(parent);
            name = upper(text(name, "issuer name"));
        }

        public static Issuer of(String name) {
            return new Issuer(null, name);
        }
    }

    /**
     * A part of the body, rendered "I. HEADING" and followed by its paragraphs, items and tables.
     *
     * @param heading    the part heading without its Roman numeral
     * @param paragraphs running text of the part
     * @param items      numbered sub-items "1.", "2.", ...
     * @param tables     tables after the text
     */
    public record Section(String heading, List<String> paragraphs, List<Item> items, List<Table> tables) {
        public Section {
            heading = text(heading, "section heading");
            paragraphs = lines(paragraphs, "paragraphs");
            items = List.copyOf(items == null ? List.of() : items);
            tables = List.copyOf(tables == null ? List.of() : tables);
        }

        public static Section of(String heading, String... paragraphs) {
            return new Section(heading, List.of(paragraphs), List.of(), List.of());
        }
    }

    /**
     * A numbered sub-item of a section: "1. Heading" in bold, then its paragraphs.
     *
     * @param heading    the item heading without its number
     * @param paragraphs running text of the item
     */
    public record Item(String heading, List<String> paragraphs) {
        public Item {
            heading = text(heading, "item heading");
            paragraphs = lines(paragraphs, "paragraphs");
        }

        public static Item of(String heading, String... paragraphs) {
            return new Item(heading, List.of(paragraphs));
        }
    }

    /**
     * A bordered table: a header row and data rows of the same width.
     *
     * @param header column headings
     * @param rows   data rows, each as wide as the header
     */
    public record Table(List<String> header, List<List<String>> rows) {
        public Table {
            header = lines(header, "table header");
            if (header.isEmpty()) {
                throw new IllegalArgumentException("a table has at least one column");
            }
            int width = header.size();
            rows = Objects.requireNonNull(rows, "rows").stream().map(row -> {
                if (row.size() != width) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, header has " + width);
                }
                return row.stream().map(cell -> cell == null ? "" : VietnameseText.nfc(cell)).toList();
            }).toList();
        }
    }

    /**
     * An annex (phụ lục) on its own page after the recipients.
     *
     * @param title the annex title in upper case
     * @param table the annex table
     */
    public record Annex(String title, Table table) {
        public Annex {
            title = text(title, "annex title");
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * The signature block on the right of the last page.
     *
     * @param authority  "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", ... or {@code null} when the head signs
     * @param title      the signer's title, e.g. "GIÁM ĐỐC"
     * @param signerName the signer's full name
     */
    public record Signature(String authority, String title, String signerName) {
        public Signature {
            authority = authority == null || authority.isBlank() ? null : text(authority, "authority");
            if (authority != null && AUTHORITY_PREFIXES.stream().noneMatch(authority::startsWith)) {
                throw new IllegalArgumentException("authority line starts with one of " + AUTHORITY_PREFIXES + ": " + authority);
            }
            title = text(title, "signer title");
            signerName = text(signerName, "signer name");
        }
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return VietnameseText.nfc(value.strip());
    }

    private static String upper(String value) {
        return value.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static List<String> lines(List<String> values, String name) {
        return Objects.requireNonNull(values, name).stream().map(value -> text(value, name)).toList();
    }

    /** Callers may pass "- Sở Tư pháp;" as written on paper; the renderer adds the dash and the ending. */
    private static String bareRecipient(String recipient) {
        String bare = recipient.startsWith("-") ? recipient.substring(1).strip() : recipient;
        while (bare.endsWith(";") || bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1).strip();
        }
        return bare;
    }
}
