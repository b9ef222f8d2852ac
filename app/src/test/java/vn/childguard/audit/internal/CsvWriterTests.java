package vn.childguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

    @Test
    void leavesPlainAndVietnameseTextAlone() {
        assertThat(CsvWriter.cell("Sở Y tế tỉnh Tây Ninh")).isEqualTo("Sở Y tế tỉnh Tây Ninh");
        assertThat(CsvWriter.cell("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void writesNullAndEmptyAsEmptyFields() {
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndDoublesQuotes() {
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(CsvWriter.cell("line1\r\nline2")).isEqualTo("\"line1\r\nline2\"");
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvWriter.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void neutralisesBeforeQuotingSoTheApostropheIsInsideTheQuotes() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void leavesFormulaCharactersAfterTheFirstAlone() {
        assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvWriter.cell("user@example.org")).isEqualTo("user@example.org");
    }

    @Test
    void writesRowsSeparatedByCommasEndingWithCrLf() {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("id", "details"));
        csv.row(Arrays.asList("1", null, "=x", "a,b"));
        assertThat(out).hasToString("id,details\r\n1,,'=x,\"a,b\"\r\n");
    }
}
